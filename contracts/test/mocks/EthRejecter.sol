// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice An account that refuses ETH: payouts to it must fail loudly and keep its balance.
contract EthRejecter {
    receive() external payable {
        revert("no ETH, thanks");
    }
}
