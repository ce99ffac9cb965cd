// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {KeyswarmBase} from "./utils/KeyswarmBase.sol";
import {Keyswarm} from "../src/Keyswarm.sol";
import {ReentrantToken} from "./mocks/ReentrantToken.sol";
import {ReentrantReceiver} from "./mocks/ReentrantReceiver.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @notice A malicious ERC-20 and a malicious ETH receiver try to re-enter every paying path.
contract KeyswarmReentrancyTest is KeyswarmBase {
    bytes4 internal constant REENTRANT = ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector;

    ReentrantToken internal evil;
    ReentrantReceiver internal mallory;

    function setUp() public override {
        super.setUp();
        evil = new ReentrantToken();
        evil.mint(buyer, 1e24);
        vm.prank(buyer);
        evil.approve(address(keyswarm), type(uint256).max);
        mallory = new ReentrantReceiver();
        vm.deal(address(mallory), 10 ether);
    }

    function _assertBlocked(bool succeeded, bytes memory err) internal pure {
        assertFalse(succeeded, "re-entry got through");
        // forge-lint: disable-next-line(unsafe-typecast) -- the selector is the first 4 bytes by definition
        assertEq(bytes32(bytes4(err)), bytes32(REENTRANT), "blocked by the reentrancy guard");
    }

    function test_TokenCannotReenterPurchase() public {
        uint256 id = _list(address(evil), 1000, SHARE, SIZE);
        evil.arm(
            address(keyswarm),
            abi.encodeCall(Keyswarm.purchase, (id, session.publicKeyX, session.publicKeyY, receipt.addr, 1000))
        );
        _buy(id);
        assertTrue(evil.attacked(), "attacked");
        _assertBlocked(evil.attackSucceeded(), evil.attackError());
        assertEq(keyswarm.purchaseCount(), 1, "one purchase only");
    }

    function test_TokenCannotReenterRefund() public {
        uint256 id = _list(address(evil), 1000, SHARE, SIZE);
        uint256 purchaseId = _buy(id);
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        evil.arm(address(keyswarm), abi.encodeCall(Keyswarm.refund, (purchaseId, session.addr)));
        vm.prank(buyer);
        keyswarm.refund(purchaseId, session.addr);
        _assertBlocked(evil.attackSucceeded(), evil.attackError());
        assertEq(evil.balanceOf(address(keyswarm)), 0, "refunded once");
    }

    function test_TokenCannotReenterWithdraw() public {
        uint256 id = _list(address(evil), 1000, SHARE, SIZE);
        _buySettled(id);
        evil.arm(address(keyswarm), abi.encodeCall(Keyswarm.withdraw, (address(evil))));
        vm.prank(creator);
        keyswarm.withdraw(address(evil));
        _assertBlocked(evil.attackSucceeded(), evil.attackError());
        assertEq(evil.balanceOf(creator), 800, "paid once");
    }

    function test_ReceiverCannotReenterRefund() public {
        uint256 id = _listEth();
        uint256 purchaseId = _buyAs(address(mallory), id, session);
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        mallory.arm(address(keyswarm), abi.encodeCall(Keyswarm.refund, (purchaseId, session.addr)));
        vm.prank(address(mallory));
        keyswarm.refund(purchaseId, session.addr);
        assertTrue(mallory.attacked(), "attacked");
        _assertBlocked(mallory.attackSucceeded(), mallory.attackError());
        assertEq(address(keyswarm).balance, 0, "refunded once, nothing more taken");
    }

    function test_ReceiverCannotReenterDispute() public {
        uint256 id = _listEth();
        uint256 purchaseId = _buyAs(address(mallory), id, session);
        vm.prank(creator);
        keyswarm.deliver(purchaseId, WRONG_SEALED_KEY);
        _buyAs(buyer, id, session); // someone else's escrow the attacker would like to drain
        mallory.arm(address(keyswarm), abi.encodeCall(Keyswarm.dispute, (purchaseId, sessionSecret, WRONG_SEALED_KEY)));
        vm.prank(address(mallory));
        keyswarm.dispute(purchaseId, sessionSecret, WRONG_SEALED_KEY);
        _assertBlocked(mallory.attackSucceeded(), mallory.attackError());
        assertEq(address(keyswarm).balance, PRICE, "the other escrow is intact");
    }

    function test_ReceiverCannotReenterWithdraw() public {
        _settledSaleBy(address(mallory));
        uint256 share = keyswarm.balanceOf(address(mallory), address(0));
        mallory.arm(address(keyswarm), abi.encodeCall(Keyswarm.withdraw, (address(0))));
        uint256 before = address(mallory).balance;
        vm.prank(address(mallory));
        keyswarm.withdraw(address(0));
        _assertBlocked(mallory.attackSucceeded(), mallory.attackError());
        assertEq(address(mallory).balance, before + share, "paid once");
        assertEq(address(keyswarm).balance, PRICE - share, "the pool is intact");
    }

    function test_ReceiverCannotReenterPurchaseThroughTheChange() public {
        uint256 id = _listEth();
        vm.prank(creator);
        keyswarm.setPrice(id, PRICE / 2);
        mallory.arm(
            address(keyswarm),
            abi.encodeCall(Keyswarm.purchase, (id, session.publicKeyX, session.publicKeyY, receipt.addr, PRICE))
        );
        vm.prank(address(mallory));
        keyswarm.purchase{value: PRICE}(id, session.publicKeyX, session.publicKeyY, receipt.addr, PRICE);
        _assertBlocked(mallory.attackSucceeded(), mallory.attackError());
        assertEq(keyswarm.purchaseCount(), 1, "one purchase only");
    }
}
