// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {KeyswarmBase} from "./utils/KeyswarmBase.sol";
import {Vm} from "./utils/Vm.sol";
import {Keyswarm} from "../src/Keyswarm.sol";
import {IKeyswarm} from "../src/IKeyswarm.sol";

/// @notice Fuzz tests over prices, shares, sizes, receipt byte counts and their orderings.
contract KeyswarmFuzzTest is KeyswarmBase {
    function testFuzz_PurchaseChargesThePriceNeverMoreThanMax(uint256 price, uint256 maxPrice, uint256 sent) public {
        price = bound(price, 0, 50 ether);
        maxPrice = bound(maxPrice, 0, 60 ether);
        sent = bound(sent, 0, 70 ether);
        uint256 id = _list(address(0), price, SHARE, SIZE);
        vm.deal(buyer, sent);
        vm.prank(buyer);
        try keyswarm.purchase{value: sent}(id, session.publicKeyX, session.publicKeyY, receipt.addr, maxPrice) {
            assertLe(price, maxPrice, "charged above the max");
            assertGe(sent, price, "accepted too little");
            assertEq(buyer.balance, sent - price, "charged exactly the price");
            assertEq(address(keyswarm).balance, price, "escrow");
        } catch {
            assertTrue(price > maxPrice || sent < price, "refused a valid purchase");
            assertEq(buyer.balance, sent, "nothing taken");
        }
    }

    function testFuzz_TokenPurchaseRespectsMax(uint256 price, uint256 maxPrice) public {
        price = bound(price, 0, 1_000_000e6);
        maxPrice = bound(maxPrice, 0, 1_000_000e6);
        uint256 id = _list(address(usd), price, SHARE, SIZE);
        uint256 before = usd.balanceOf(buyer);
        vm.prank(buyer);
        try keyswarm.purchase(id, session.publicKeyX, session.publicKeyY, receipt.addr, maxPrice) {
            assertLe(price, maxPrice, "charged above the max");
            assertEq(usd.balanceOf(buyer), before - price, "charged the price");
        } catch {
            assertTrue(price > maxPrice, "refused a valid purchase");
        }
    }

    function testFuzz_RejectsSessionKeysOffTheCurve(uint256 x, uint256 y) public {
        bool onCurve = x < P && y < P && mulmod(y, y, P) == addmod(mulmod(mulmod(x, x, P), x, P), 7, P);
        vm.assume(!onCurve);
        uint256 id = _listEth();
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidSessionKey.selector, x, y));
        vm.prank(buyer);
        keyswarm.purchase{value: PRICE}(id, x, y, receipt.addr, PRICE);
    }

    function testFuzz_AcceptsAnySessionKeyOnTheCurve(uint256 secret) public {
        secret = bound(secret, 1, N - 1);
        vm.assume(secret != receiptSecret);
        Vm.Wallet memory s = vm.createWallet(secret);
        uint256 purchaseId = _buyAs(buyer, _listEth(), s);
        // Only a commitment to (buyer, address(B)) is stored: the refund proves it names this B.
        vm.warp(keyswarm.purchases(purchaseId).deliveryDeadline + 1);
        vm.prank(buyer);
        keyswarm.refund(purchaseId, s.addr);
        assertEq(uint256(keyswarm.purchaseState(purchaseId)), uint256(IKeyswarm.PurchaseState.Refunded), "refunded");
    }

    function testFuzz_SettlementSplitsExactly(uint256 price, uint16 share) public {
        price = bound(price, 0, type(uint96).max);
        share = uint16(bound(share, 0, 10_000));
        vm.deal(buyer, price);
        uint256 id = _list(address(0), price, share, SIZE);
        uint256 purchaseId = _buySettled(id);
        uint256 pool = price * share / 10_000;
        assertEq(keyswarm.balanceOf(creator, address(0)), price - pool, "creator share");
        if (pool != 0) {
            _claim(purchaseId, seeder, SIZE);
            assertEq(keyswarm.balanceOf(seeder, address(0)), pool, "the whole pool to the one seeder");
        }
        assertEq(
            keyswarm.balanceOf(creator, address(0)) + keyswarm.balanceOf(seeder, address(0)),
            address(keyswarm).balance,
            "everything accounted for"
        );
    }

    /// @dev Only the key the listing committed to, sealed to this session, survives a dispute.
    function testFuzz_DisputeRefundsExactlyTheWrongKeys(bytes32 key, uint256 otherSession) public {
        otherSession = bound(otherSession, 1, N - 1);
        uint256 purchaseId = _buy(_listEth());
        Vm.Wallet memory target = vm.createWallet(otherSession);
        bytes32 sealedKey = _seal(purchaseId, key, deliverySecret, target.publicKeyX, target.publicKeyY);
        vm.assume(sealedKey != bytes32(0));
        vm.prank(creator);
        keyswarm.deliver(purchaseId, sealedKey);
        bool right = key == contentKey && otherSession == sessionSecret;
        if (right) vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmKeyIsValid.selector, purchaseId));
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, sealedKey);
        if (!right) {
            assertEq(uint256(keyswarm.purchaseState(purchaseId)), uint256(IKeyswarm.PurchaseState.Disputed), "state");
        }
    }

    function testFuzz_TheRightKeyAlwaysSurvives(bytes32 key, uint256 secret) public {
        secret = bound(secret, 1, N - 1);
        vm.assume(secret != receiptSecret);
        contentKey = key;
        session = vm.createWallet(secret);
        sessionSecret = secret;
        uint256 purchaseId = _buyDelivered(_listEth());
        bytes32 sealedKey = _sealed(purchaseId);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmKeyIsValid.selector, purchaseId));
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, secret, sealedKey);
    }

    /// @dev Receipts from three seeders, in any order, with any byte counts: the purchase never pays
    /// for more bytes than its size nor more than its pool, and each seeder ends with
    /// floor(pool * its paid bytes / size).
    function testFuzz_ClaimsInAnyOrder(uint64 size, uint256 price, uint16 share, uint64[6] memory counts, uint8[6] memory who)
        public
    {
        size = uint64(bound(size, 1, type(uint64).max));
        price = bound(price, 1, 1_000 ether);
        share = uint16(bound(share, 1, 10_000));
        vm.deal(buyer, price);
        uint256 purchaseId = _buySettled(_list(address(0), price, share, size));
        uint256 pool = price * share / 10_000;
        address[3] memory seeders = [vm.addr(0x51), vm.addr(0x52), vm.addr(0x53)];
        for (uint256 i; i < 6; ++i) {
            address to = seeders[who[i] % 3];
            uint256 most = uint256(size) + size / 2;
            uint64 count = uint64(bound(counts[i], 0, most > type(uint64).max ? type(uint64).max : most));
            uint256 bytesBefore = _paidBytes(purchaseId, to);
            uint256 paid = _claim(purchaseId, to, count);
            if (count <= bytesBefore) assertEq(paid, 0, "a replayed or lower receipt paid");
        }
        uint256 totalBytes;
        uint256 totalPaid;
        for (uint256 i; i < 3; ++i) {
            uint256 b = _paidBytes(purchaseId, seeders[i]);
            uint256 balance = keyswarm.balanceOf(seeders[i], address(0));
            assertEq(balance, pool * b / size, "seeder paid pool * bytes / size");
            totalBytes += b;
            totalPaid += balance;
        }
        IKeyswarm.PurchaseInfo memory info = keyswarm.purchases(purchaseId);
        assertLe(totalBytes, size, "paid bytes exceed the size");
        assertEq(info.paidBytes, totalBytes, "ledger bytes");
        assertEq(info.paidOut, totalPaid, "ledger amount");
        assertLe(totalPaid, pool, "paid more than the pool");
    }

    /// @dev Cumulative receipts from three seeders over two purchases, claimed in any order and each
    /// replayed: no purchase pays for more bytes than its size or more than its pool, a replay pays
    /// nothing, and no seeder is paid twice for the same bytes (its balance never exceeds what its
    /// best receipt for each purchase is worth).
    function testFuzz_CumulativeReceiptsFromSeveralSeeders(
        uint64 size,
        uint256 price,
        uint16 share,
        uint64[8] memory counts,
        uint8[8] memory who,
        bool[8] memory second
    ) public {
        size = uint64(bound(size, 1, type(uint64).max));
        price = bound(price, 1, 1_000 ether);
        share = uint16(bound(share, 1, 10_000));
        vm.deal(buyer, 2 * price);
        uint256 id = _list(address(0), price, share, size);
        uint256[2] memory purchaseIds = [_buyDelivered(id), _buyDelivered(id)];
        _afterDisputeWindow(purchaseIds[1]);
        address[3] memory seeders = [vm.addr(0x51), vm.addr(0x52), vm.addr(0x53)];
        uint64[3][2] memory best;
        for (uint256 i; i < 8; ++i) {
            uint256 k = second[i] ? 1 : 0;
            uint256 s = who[i] % 3;
            uint256 most = uint256(size) + size / 2;
            uint64 count = uint64(bound(counts[i], 0, most > type(uint64).max ? type(uint64).max : most));
            _claim(purchaseIds[k], seeders[s], count);
            assertEq(_claim(purchaseIds[k], seeders[s], count), 0, "a replayed receipt paid");
            if (count > best[k][s]) best[k][s] = count;
        }
        _assertPaidAtMostOnce(purchaseIds, seeders, best, price * share / 10_000, size);
    }

    function _assertPaidAtMostOnce(
        uint256[2] memory purchaseIds,
        address[3] memory seeders,
        uint64[3][2] memory best,
        uint256 pool,
        uint64 size
    ) internal view {
        uint256 totalPaid;
        for (uint256 k; k < 2; ++k) {
            IKeyswarm.PurchaseInfo memory info = keyswarm.purchases(purchaseIds[k]);
            assertLe(info.paidBytes, size, "paid bytes exceed the size");
            assertLe(info.paidOut, pool, "paid more than the pool");
            totalPaid += info.paidOut;
        }
        uint256 totalBalances;
        for (uint256 s; s < 3; ++s) {
            uint256 worth;
            for (uint256 k; k < 2; ++k) worth += pool * (best[k][s] < size ? best[k][s] : size) / size;
            uint256 balance = keyswarm.balanceOf(seeders[s], address(0));
            assertLe(balance, worth, "a seeder was paid twice for the same bytes");
            totalBalances += balance;
        }
        assertEq(totalBalances, totalPaid, "the ledgers add up to the seeders' balances");
    }

    /// @dev Splitting one seeder's receipts into steps never pays more than the final receipt alone.
    function testFuzz_StepwiseClaimsPayLikeOne(uint64 first, uint64 second, uint256 price) public {
        price = bound(price, 1, 1_000 ether);
        vm.deal(buyer, 2 * price);
        uint256 id = _list(address(0), price, 5_000, SIZE);
        first = uint64(bound(first, 0, SIZE));
        second = uint64(bound(second, first, SIZE));
        uint256 stepwise = _buySettled(id);
        _claim(stepwise, seeder, first);
        _claim(stepwise, seeder, second);
        address other = vm.addr(0x0E);
        uint256 once = _buySettled(id);
        _claim(once, other, second);
        assertEq(keyswarm.balanceOf(seeder, address(0)), keyswarm.balanceOf(other, address(0)), "same total");
    }

    function testFuzz_ListAcceptsSizesSharesAndPrices(uint64 size, uint16 share, uint256 price) public {
        size = uint64(bound(size, 1, type(uint64).max));
        share = uint16(bound(share, 0, 10_000));
        price = bound(price, 0, type(uint96).max);
        uint256 id = _list(address(usd), price, share, size);
        IKeyswarm.Listing memory l = keyswarm.listings(id);
        assertEq(l.size, size, "size");
        assertEq(l.seedShareBps, share, "share");
        assertEq(l.price, price, "price");
    }
}
