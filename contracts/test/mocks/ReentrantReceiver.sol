// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice A malicious buyer or payee: when paid in ETH it calls back into the paying contract with
/// the calldata it was armed with, and records whether that call got through.
contract ReentrantReceiver {
    address public target;
    bytes public attack;
    bool public attacked;
    bool public attackSucceeded;
    bytes public attackError;

    function arm(address target_, bytes calldata attack_) external {
        target = target_;
        attack = attack_;
        attacked = false;
    }

    /// @notice Forwards any call (so tests can act as this account) and its ETH.
    function exec(address to, uint256 value, bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = to.call{value: value}(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }

    receive() external payable {
        if (target != address(0) && !attacked) {
            attacked = true;
            (attackSucceeded, attackError) = target.call(attack);
        }
    }
}
