// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A malicious ERC-20: on every transfer it calls back into the contract it is set to
/// attack with the calldata it was given, and records whether that call got through.
contract ReentrantToken is ERC20 {
    address public target;
    bytes public attack;
    bool public attacked;
    bool public attackSucceeded;
    bytes public attackError;

    constructor() ERC20("Evil", "EVIL") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(address target_, bytes calldata attack_) external {
        target = target_;
        attack = attack_;
        attacked = false;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (target != address(0) && !attacked && from != address(0)) {
            attacked = true;
            (attackSucceeded, attackError) = target.call(attack);
        }
    }
}
