// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title Mock stablecoin for the local chain
/// @notice A 6-decimal ERC-20 anyone can mint: `npm start` deploys it so the app can sell for a
/// dollar-like token without a faucet. Never deploy it where its tokens could be mistaken for money.
contract MockStablecoin is ERC20 {
    constructor() ERC20("Mock USD", "mUSD") {}

    /// @notice 6, like USDC.
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Mints `amount` to `to`; open to anyone, for local use only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
