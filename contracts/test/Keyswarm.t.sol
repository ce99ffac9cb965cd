// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {KeyswarmBase} from "./utils/KeyswarmBase.sol";
import {Vm} from "./utils/Vm.sol";
import {Keyswarm} from "../src/Keyswarm.sol";
import {IKeyswarm} from "../src/IKeyswarm.sol";
import {FeeToken} from "./mocks/FeeToken.sol";
import {EthRejecter} from "./mocks/EthRejecter.sol";

/// @notice Unit tests: every external function, every revert path.
contract KeyswarmTest is KeyswarmBase {
    // ------------------------------------------------------------ constructor

    function test_ConstructorSetsWindows() public view {
        assertEq(keyswarm.deliveryWindow(), DELIVERY_WINDOW, "delivery window");
        assertEq(keyswarm.disputeWindow(), DISPUTE_WINDOW, "dispute window");
        assertEq(keyswarm.claimWindow(), CLAIM_WINDOW, "claim window");
    }

    function test_RevertWhen_AWindowIsZero() public {
        vm.expectRevert(IKeyswarm.KeyswarmInvalidWindows.selector);
        new Keyswarm(0, 1, 1);
        vm.expectRevert(IKeyswarm.KeyswarmInvalidWindows.selector);
        new Keyswarm(1, 0, 1);
        vm.expectRevert(IKeyswarm.KeyswarmInvalidWindows.selector);
        new Keyswarm(1, 1, 0);
    }

    function test_RevertWhen_WindowsOverflowTheSchedule() public {
        vm.expectRevert(IKeyswarm.KeyswarmInvalidWindows.selector);
        new Keyswarm(type(uint32).max, 1, 1);
    }

    // ------------------------------------------------------------ list

    function test_ListStoresWhatTheContractNeeds() public {
        IKeyswarm.ListingParams memory p = _params(address(usd), USD_PRICE, SHARE, SIZE);
        vm.prank(creator);
        uint256 id = keyswarm.list(p);
        assertEq(id, 1, "first id");
        IKeyswarm.Listing memory l = keyswarm.listings(id);
        assertEq(l.creator, creator, "creator");
        assertEq(l.price, USD_PRICE, "price");
        assertEq(l.token, address(usd), "token");
        assertEq(l.size, SIZE, "size");
        assertEq(l.seedShareBps, SHARE, "share");
        assertTrue(l.active, "active");
        assertEq(l.deliveryYOdd, delivery.publicKeyY & 1 == 1, "parity");
        assertEq(l.keyHash, p.keyHash, "keyHash");
        assertEq(l.deliveryX, delivery.publicKeyX, "deliveryX");
        assertEq(bytes32(l.infoHash), bytes32(p.infoHash), "infoHash");
        (uint40 listed,,,,,) = keyswarm.creatorStats(creator);
        assertEq(listed, 1, "creator listings");
        (,,,,, uint40 since) = keyswarm.listingStats(id);
        assertEq(since, block.timestamp, "listed at");
        assertEq(keyswarm.listingCount(), 1, "count");
    }

    function test_ListEmitsTheMetadata() public {
        IKeyswarm.ListingParams memory p = _params(address(0), PRICE, SHARE, SIZE);
        vm.expectEmit(true, true, true, true, address(keyswarm));
        emit IKeyswarm.Listed(1, creator, p.infoHash, p);
        vm.prank(creator);
        keyswarm.list(p);
    }

    function test_ListIdsAreSequential() public {
        assertEq(_listEth(), 1, "first");
        assertEq(_listUsd(), 2, "second");
        assertEq(_list(address(0), 0, 0, 1), 3, "third");
        assertEq(keyswarm.listingCount(), 3, "count");
    }

    function test_ListFreeListingRegistersProvenanceOnly() public {
        IKeyswarm.ListingParams memory p = _params(address(0), 0, 0, SIZE);
        p.keyHash = bytes32(0);
        p.deliveryX = 0;
        p.deliveryY = 0;
        vm.prank(creator);
        uint256 id = keyswarm.list(p);
        assertEq(keyswarm.listings(id).creator, creator, "creator");
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmFreeListing.selector, id));
        vm.prank(buyer);
        keyswarm.purchase(id, session.publicKeyX, session.publicKeyY, receipt.addr, 0);
    }

    function test_ListGiveawayWithKeyAtPriceZero() public {
        uint256 id = _list(address(0), 0, SHARE, SIZE);
        uint256 purchaseId = _buyDelivered(id);
        _afterDisputeWindow(purchaseId);
        keyswarm.settle(purchaseId);
        assertEq(uint256(keyswarm.purchaseState(purchaseId)), uint256(IKeyswarm.PurchaseState.Settled), "settled");
    }

    function test_RevertWhen_ListInfoHashIsZero() public {
        IKeyswarm.ListingParams memory p = _params(address(0), PRICE, SHARE, SIZE);
        p.infoHash = bytes20(0);
        vm.expectRevert(IKeyswarm.KeyswarmInvalidInfoHash.selector);
        keyswarm.list(p);
    }

    function test_RevertWhen_ListSizeIsZero() public {
        vm.expectRevert(IKeyswarm.KeyswarmInvalidSize.selector);
        keyswarm.list(_params(address(0), PRICE, SHARE, 0));
    }

    function test_RevertWhen_ListShareAboveAll() public {
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidShare.selector, 10_001));
        keyswarm.list(_params(address(0), PRICE, 10_001, SIZE));
    }

    function test_RevertWhen_ListPriceTooLarge() public {
        uint256 price = uint256(type(uint96).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmPriceTooLarge.selector, price));
        keyswarm.list(_params(address(0), price, SHARE, SIZE));
    }

    function test_RevertWhen_ListPaidWithoutKey() public {
        IKeyswarm.ListingParams memory p = _params(address(0), PRICE, SHARE, SIZE);
        p.keyHash = bytes32(0);
        vm.expectRevert(IKeyswarm.KeyswarmPaidListingWithoutKey.selector);
        keyswarm.list(p);
    }

    function test_RevertWhen_ListDeliveryKeyOffCurve() public {
        IKeyswarm.ListingParams memory p = _params(address(0), PRICE, SHARE, SIZE);
        p.deliveryY += 1;
        vm.expectRevert(
            abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidDeliveryKey.selector, p.deliveryX, p.deliveryY)
        );
        keyswarm.list(p);
    }

    function test_RevertWhen_ListDeliveryKeyOutsideField() public {
        IKeyswarm.ListingParams memory p = _params(address(0), PRICE, SHARE, SIZE);
        p.deliveryX = P;
        vm.expectRevert(
            abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidDeliveryKey.selector, p.deliveryX, p.deliveryY)
        );
        keyswarm.list(p);
    }

    function test_RevertWhen_ListTokenIsNotAContract() public {
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmTokenNotContract.selector, stranger));
        keyswarm.list(_params(stranger, PRICE, SHARE, SIZE));
    }

    // ------------------------------------------------------------ setPrice / setActive / setSources

    function test_SetPriceChangesFuturePurchasesOnly() public {
        uint256 id = _listEth();
        uint256 before = _buy(id);
        vm.expectEmit(true, false, false, true, address(keyswarm));
        emit IKeyswarm.PriceChanged(id, 2 * PRICE);
        vm.prank(creator);
        keyswarm.setPrice(id, 2 * PRICE);
        assertEq(keyswarm.listings(id).price, 2 * PRICE, "new price");
        assertEq(keyswarm.purchases(before).amount, PRICE, "paid price kept");
        uint256 later = _buy(id);
        assertEq(keyswarm.purchases(later).amount, 2 * PRICE, "new purchases pay the new price");
    }

    function test_RevertWhen_SetPriceByStranger() public {
        uint256 id = _listEth();
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotCreator.selector, id, stranger));
        vm.prank(stranger);
        keyswarm.setPrice(id, 1);
    }

    function test_RevertWhen_SetPriceOfUnknownListing() public {
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmUnknownListing.selector, 7));
        keyswarm.setPrice(7, 1);
    }

    function test_RevertWhen_SetPriceOfFreeListing() public {
        IKeyswarm.ListingParams memory p = _params(address(0), 0, 0, SIZE);
        p.keyHash = bytes32(0);
        vm.prank(creator);
        uint256 id = keyswarm.list(p);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmFreeListing.selector, id));
        vm.prank(creator);
        keyswarm.setPrice(id, 1);
    }

    function test_RevertWhen_SetPriceTooLarge() public {
        uint256 id = _listEth();
        uint256 price = uint256(type(uint96).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmPriceTooLarge.selector, price));
        vm.prank(creator);
        keyswarm.setPrice(id, price);
    }

    function test_SetActivePausesAndResumesSales() public {
        uint256 id = _listEth();
        uint256 bought = _buy(id);
        vm.expectEmit(true, false, false, true, address(keyswarm));
        emit IKeyswarm.ActiveChanged(id, false);
        vm.prank(creator);
        keyswarm.setActive(id, false);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmListingInactive.selector, id));
        vm.prank(buyer);
        keyswarm.purchase{value: PRICE}(id, session.publicKeyX, session.publicKeyY, receipt.addr, PRICE);
        // A paused listing still serves the buyers who paid.
        _deliver(bought);
        vm.prank(creator);
        keyswarm.setActive(id, true);
        _buy(id);
    }

    function test_RevertWhen_SetActiveByStranger() public {
        uint256 id = _listEth();
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotCreator.selector, id, stranger));
        vm.prank(stranger);
        keyswarm.setActive(id, false);
    }

    function test_SetSourcesEmitsTheNewSources() public {
        uint256 id = _listEth();
        string[] memory trackers = new string[](2);
        trackers[0] = "wss://a.example";
        trackers[1] = "wss://b.example";
        string[] memory webSeeds = new string[](0);
        vm.expectEmit(true, false, false, true, address(keyswarm));
        emit IKeyswarm.SourcesChanged(id, trackers, webSeeds);
        vm.prank(creator);
        keyswarm.setSources(id, trackers, webSeeds);
    }

    function test_RevertWhen_SetSourcesByStranger() public {
        uint256 id = _listEth();
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotCreator.selector, id, stranger));
        vm.prank(stranger);
        keyswarm.setSources(id, new string[](0), new string[](0));
    }

    // ------------------------------------------------------------ setAgent

    function test_AgentDeliversForItsCreator() public {
        uint256 id = _listEth();
        uint256 purchaseId = _buy(id);
        vm.expectEmit(true, true, false, true, address(keyswarm));
        emit IKeyswarm.AgentSet(creator, agent, true);
        vm.prank(creator);
        keyswarm.setAgent(agent, true);
        assertTrue(keyswarm.isAgent(creator, agent), "agent");
        bytes32 sealedKey = _sealed(purchaseId);
        vm.prank(agent);
        keyswarm.deliver(purchaseId, sealedKey);
        assertEq(uint256(keyswarm.purchaseState(purchaseId)), uint256(IKeyswarm.PurchaseState.Delivered), "delivered");
    }

    function test_RevertWhen_RevokedAgentDelivers() public {
        uint256 id = _listEth();
        uint256 purchaseId = _buy(id);
        vm.startPrank(creator);
        keyswarm.setAgent(agent, true);
        keyswarm.setAgent(agent, false);
        vm.stopPrank();
        bytes32 sealedKey = _sealed(purchaseId);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotDeliverer.selector, purchaseId, agent));
        vm.prank(agent);
        keyswarm.deliver(purchaseId, sealedKey);
    }

    function test_RevertWhen_AnotherCreatorsAgentDelivers() public {
        uint256 id = _listEth();
        uint256 purchaseId = _buy(id);
        vm.prank(stranger);
        keyswarm.setAgent(agent, true);
        bytes32 sealedKey = _sealed(purchaseId);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotDeliverer.selector, purchaseId, agent));
        vm.prank(agent);
        keyswarm.deliver(purchaseId, sealedKey);
    }

    // ------------------------------------------------------------ purchase

    function test_PurchaseEscrowsEthAndRecordsTheSession() public {
        uint256 id = _listEth();
        vm.expectEmit(true, true, true, true, address(keyswarm));
        emit IKeyswarm.Purchased(1, id, buyer, PRICE, session.publicKeyX, session.publicKeyY, receipt.addr);
        uint256 purchaseId = _buy(id);
        assertEq(purchaseId, 1, "first purchase id");
        assertEq(address(keyswarm).balance, PRICE, "escrowed");
        IKeyswarm.PurchaseInfo memory info = keyswarm.purchases(purchaseId);
        assertEq(info.contentId, id, "contentId");
        assertEq(info.receiptSigner, receipt.addr, "receipt signer");
        assertEq(info.amount, PRICE, "amount");
        assertEq(info.purchasedAt, block.timestamp, "purchasedAt");
        assertEq(info.deliveryDeadline, block.timestamp + DELIVERY_WINDOW, "delivery deadline");
        assertEq(info.disputeDeadline, block.timestamp + DELIVERY_WINDOW + DISPUTE_WINDOW, "dispute deadline");
        assertEq(info.claimDeadline, info.disputeDeadline + CLAIM_WINDOW, "claim deadline");
        assertEq(uint256(info.state), uint256(IKeyswarm.PurchaseState.Pending), "pending");
        (, uint40 sold,,,,) = keyswarm.listingStats(id);
        assertEq(sold, 1, "listing sold");
        (, uint40 creatorSold,,,,) = keyswarm.creatorStats(creator);
        assertEq(creatorSold, 1, "creator sold");
        assertEq(keyswarm.purchaseCount(), 1, "count");
    }

    function test_PurchasePullsTheToken() public {
        uint256 id = _listUsd();
        uint256 before = usd.balanceOf(buyer);
        _buy(id);
        assertEq(usd.balanceOf(address(keyswarm)), USD_PRICE, "escrowed");
        assertEq(usd.balanceOf(buyer), before - USD_PRICE, "paid");
    }

    function test_PurchaseReturnsEthAboveThePrice() public {
        uint256 id = _listEth();
        vm.prank(creator);
        keyswarm.setPrice(id, PRICE / 2);
        uint256 before = buyer.balance;
        vm.prank(buyer);
        keyswarm.purchase{value: PRICE}(id, session.publicKeyX, session.publicKeyY, receipt.addr, PRICE);
        assertEq(buyer.balance, before - PRICE / 2, "charged the lowered price only");
        assertEq(address(keyswarm).balance, PRICE / 2, "escrow");
    }

    function test_RevertWhen_PurchaseWithoutAReceiptSigner() public {
        uint256 id = _listEth();
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidReceiptSigner.selector, address(0)));
        vm.prank(buyer);
        keyswarm.purchase{value: PRICE}(id, session.publicKeyX, session.publicKeyY, address(0), PRICE);
    }

    function test_RevertWhen_PurchaseSignsReceiptsWithTheSessionKey() public {
        uint256 id = _listEth();
        // A dispute reveals b: receipts signed by B's own key would be anyone's to forge.
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidReceiptSigner.selector, session.addr));
        vm.prank(buyer);
        keyswarm.purchase{value: PRICE}(id, session.publicKeyX, session.publicKeyY, session.addr, PRICE);
    }

    function test_RevertWhen_PurchaseUnknownListing() public {
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmUnknownListing.selector, 9));
        keyswarm.purchase(9, session.publicKeyX, session.publicKeyY, receipt.addr, 0);
    }

    function test_RevertWhen_PurchasePriceRaisedAboveMax() public {
        uint256 id = _listEth();
        vm.prank(creator);
        keyswarm.setPrice(id, PRICE + 1);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmPriceAboveMax.selector, PRICE + 1, PRICE));
        vm.prank(buyer);
        keyswarm.purchase{value: PRICE + 1}(id, session.publicKeyX, session.publicKeyY, receipt.addr, PRICE);
    }

    function test_RevertWhen_PurchaseTokenPriceRaisedAboveMax() public {
        uint256 id = _listUsd();
        vm.prank(creator);
        keyswarm.setPrice(id, USD_PRICE * 2);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmPriceAboveMax.selector, USD_PRICE * 2, USD_PRICE));
        vm.prank(buyer);
        keyswarm.purchase(id, session.publicKeyX, session.publicKeyY, receipt.addr, USD_PRICE);
    }

    function test_RevertWhen_PurchaseSessionKeyOffCurve() public {
        uint256 id = _listEth();
        vm.expectRevert(
            abi.encodeWithSelector(
                IKeyswarm.KeyswarmInvalidSessionKey.selector, session.publicKeyX, session.publicKeyY + 1
            )
        );
        vm.prank(buyer);
        keyswarm.purchase{value: PRICE}(id, session.publicKeyX, session.publicKeyY + 1, receipt.addr, PRICE);
    }

    function test_RevertWhen_PurchaseSessionKeyIsZero() public {
        uint256 id = _listEth();
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidSessionKey.selector, 0, 0));
        vm.prank(buyer);
        keyswarm.purchase{value: PRICE}(id, 0, 0, receipt.addr, PRICE);
    }

    function test_RevertWhen_PurchaseSessionKeyOutsideField() public {
        uint256 id = _listEth();
        // Coordinates must be field elements: p itself is not one.
        uint256 x = P;
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidSessionKey.selector, x, session.publicKeyY));
        vm.prank(buyer);
        keyswarm.purchase{value: PRICE}(id, x, session.publicKeyY, receipt.addr, PRICE);
    }

    function test_RevertWhen_PurchaseUnderpaysEth() public {
        uint256 id = _listEth();
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmWrongPayment.selector, PRICE - 1, PRICE));
        vm.prank(buyer);
        keyswarm.purchase{value: PRICE - 1}(id, session.publicKeyX, session.publicKeyY, receipt.addr, PRICE);
    }

    function test_RevertWhen_PurchaseTokenListingWithEth() public {
        uint256 id = _listUsd();
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmWrongPayment.selector, 1, 0));
        vm.prank(buyer);
        keyswarm.purchase{value: 1}(id, session.publicKeyX, session.publicKeyY, receipt.addr, USD_PRICE);
    }

    function test_RevertWhen_PurchaseWithFeeOnTransferToken() public {
        FeeToken fee = new FeeToken();
        fee.mint(buyer, 1e18);
        vm.prank(buyer);
        fee.approve(address(keyswarm), type(uint256).max);
        uint256 id = _list(address(fee), 1000, SHARE, SIZE);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmFeeOnTransfer.selector, address(fee), 1000, 990));
        vm.prank(buyer);
        keyswarm.purchase(id, session.publicKeyX, session.publicKeyY, receipt.addr, 1000);
    }

    function test_RevertWhen_PurchaseWithoutAllowance() public {
        uint256 id = _listUsd();
        vm.prank(buyer);
        usd.approve(address(keyswarm), 0);
        vm.expectRevert();
        vm.prank(buyer);
        keyswarm.purchase(id, session.publicKeyX, session.publicKeyY, receipt.addr, USD_PRICE);
    }

    // ------------------------------------------------------------ deliver

    function test_DeliverEmitsTheSealedKey() public {
        uint256 purchaseId = _buy(_listEth());
        bytes32 sealedKey = _sealed(purchaseId);
        vm.expectEmit(true, false, false, true, address(keyswarm));
        emit IKeyswarm.Delivered(purchaseId, sealedKey);
        vm.prank(creator);
        keyswarm.deliver(purchaseId, sealedKey);
        IKeyswarm.PurchaseInfo memory info = keyswarm.purchases(purchaseId);
        assertEq(uint256(info.state), uint256(IKeyswarm.PurchaseState.Delivered), "delivered");
    }

    function test_DeliveryReplacesTheBuyerWithACommitment() public {
        uint256 purchaseId = _buy(_listEth());
        _deliver(purchaseId);
        IKeyswarm.PurchaseInfo memory info = keyswarm.purchases(purchaseId);
        // Only commitments to buyer, session and sealed key are stored; readers take them from events.
        assertEq(info.amount, PRICE, "amount kept");
        assertEq(info.receiptSigner, receipt.addr, "receipt signer kept");
    }

    function test_DeliverAtTheDeadline() public {
        uint256 purchaseId = _buy(_listEth());
        vm.warp(block.timestamp + DELIVERY_WINDOW);
        _deliver(purchaseId);
    }

    function test_RevertWhen_DeliverByStranger() public {
        uint256 purchaseId = _buy(_listEth());
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotDeliverer.selector, purchaseId, stranger));
        vm.prank(stranger);
        keyswarm.deliver(purchaseId, bytes32(uint256(1)));
    }

    function test_RevertWhen_DeliverUnknownPurchase() public {
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmUnknownPurchase.selector, 5));
        vm.prank(creator);
        keyswarm.deliver(5, bytes32(uint256(1)));
    }

    function test_RevertWhen_DeliverAfterTheDeadline() public {
        uint256 purchaseId = _buy(_listEth());
        uint256 deadline = block.timestamp + DELIVERY_WINDOW;
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmDeliveryTooLate.selector, purchaseId, deadline));
        vm.prank(creator);
        keyswarm.deliver(purchaseId, bytes32(uint256(1)));
    }

    function test_RevertWhen_DeliverTwice() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmAlreadyDelivered.selector, purchaseId));
        vm.prank(creator);
        keyswarm.deliver(purchaseId, bytes32(uint256(1)));
    }

    function test_RevertWhen_DeliverEmptySealedKey() public {
        uint256 purchaseId = _buy(_listEth());
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmEmptySealedKey.selector, purchaseId));
        vm.prank(creator);
        keyswarm.deliver(purchaseId, bytes32(0));
    }

    function test_RevertWhen_DeliverAfterRefund() public {
        uint256 purchaseId = _buy(_listEth());
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        vm.prank(buyer);
        keyswarm.refund(purchaseId, session.addr);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmPurchaseClosed.selector, purchaseId));
        vm.prank(creator);
        keyswarm.deliver(purchaseId, bytes32(uint256(1)));
    }

    // ------------------------------------------------------------ deliverMany

    function test_DeliverManyDeliversEach() public {
        uint256 id = _listEth();
        uint256[] memory ids = new uint256[](3);
        bytes32[] memory sealedKeys = new bytes32[](3);
        for (uint256 i; i < 3; ++i) {
            ids[i] = _buy(id);
            sealedKeys[i] = _sealed(ids[i]);
        }
        vm.prank(creator);
        keyswarm.deliverMany(ids, sealedKeys);
        for (uint256 i; i < 3; ++i) {
            assertEq(uint256(keyswarm.purchaseState(ids[i])), uint256(IKeyswarm.PurchaseState.Delivered), "delivered");
        }
    }

    function test_RevertWhen_DeliverManyLengthsDiffer() public {
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmLengthMismatch.selector, 2, 1));
        keyswarm.deliverMany(new uint256[](2), new bytes32[](1));
    }

    function test_RevertWhen_DeliverManyHasOneBadItem() public {
        uint256 id = _listEth();
        uint256[] memory ids = new uint256[](2);
        bytes32[] memory sealedKeys = new bytes32[](2);
        ids[0] = _buy(id);
        sealedKeys[0] = _sealed(ids[0]);
        ids[1] = ids[0];
        sealedKeys[1] = sealedKeys[0];
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmAlreadyDelivered.selector, ids[0]));
        vm.prank(creator);
        keyswarm.deliverMany(ids, sealedKeys);
        assertEq(uint256(keyswarm.purchaseState(ids[0])), uint256(IKeyswarm.PurchaseState.Pending), "nothing delivered");
    }

    // ------------------------------------------------------------ refund

    function test_RefundUndeliveredAfterTheDeadline() public {
        uint256 id = _listEth();
        uint256 purchaseId = _buy(id);
        uint256 before = buyer.balance;
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        assertEq(uint256(keyswarm.purchaseState(purchaseId)), uint256(IKeyswarm.PurchaseState.Expired), "expired");
        vm.expectEmit(true, true, false, true, address(keyswarm));
        emit IKeyswarm.Refunded(purchaseId, buyer, PRICE);
        vm.prank(buyer);
        keyswarm.refund(purchaseId, session.addr);
        assertEq(buyer.balance, before + PRICE, "refunded in full");
        assertEq(address(keyswarm).balance, 0, "nothing left");
        assertEq(uint256(keyswarm.purchaseState(purchaseId)), uint256(IKeyswarm.PurchaseState.Refunded), "state");
        (,,, uint40 refunded,,) = keyswarm.listingStats(id);
        assertEq(refunded, 1, "listing refunded");
        (,,, uint40 creatorRefunded,,) = keyswarm.creatorStats(creator);
        assertEq(creatorRefunded, 1, "creator refunded");
    }

    function test_RefundInToken() public {
        uint256 purchaseId = _buy(_listUsd());
        uint256 before = usd.balanceOf(buyer);
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        vm.prank(buyer);
        keyswarm.refund(purchaseId, session.addr);
        assertEq(usd.balanceOf(buyer), before + USD_PRICE, "refunded");
    }

    function test_RevertWhen_RefundBeforeTheDeadline() public {
        uint256 purchaseId = _buy(_listEth());
        uint256 deadline = block.timestamp + DELIVERY_WINDOW;
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmDeliveryPending.selector, purchaseId, deadline));
        vm.prank(buyer);
        keyswarm.refund(purchaseId, session.addr);
    }

    function test_RevertWhen_RefundByStrangerOrWithAnotherSession() public {
        uint256 purchaseId = _buy(_listEth());
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotBuyer.selector, purchaseId, stranger));
        vm.prank(stranger);
        keyswarm.refund(purchaseId, session.addr);
        // The purchase stores a commitment to (buyer, address(B)): the buyer must name the same B.
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotBuyer.selector, purchaseId, buyer));
        vm.prank(buyer);
        keyswarm.refund(purchaseId, receipt.addr);
    }

    function test_RevertWhen_RefundDelivered() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmAlreadyDelivered.selector, purchaseId));
        vm.prank(buyer);
        keyswarm.refund(purchaseId, session.addr);
    }

    function test_RevertWhen_RefundTwice() public {
        uint256 purchaseId = _buy(_listEth());
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        vm.prank(buyer);
        keyswarm.refund(purchaseId, session.addr);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmPurchaseClosed.selector, purchaseId));
        vm.prank(buyer);
        keyswarm.refund(purchaseId, session.addr);
    }

    function test_RevertWhen_RefundUnknownPurchase() public {
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmUnknownPurchase.selector, 3));
        keyswarm.refund(3, session.addr);
    }

    function test_RevertWhen_RefundToABuyerRejectingEth() public {
        uint256 id = _listEth();
        EthRejecter rejecter = new EthRejecter();
        vm.deal(address(rejecter), PRICE);
        uint256 purchaseId = _buyAs(address(rejecter), id, session);
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmTransferFailed.selector, address(rejecter), PRICE));
        vm.prank(address(rejecter));
        keyswarm.refund(purchaseId, session.addr);
    }

    // ------------------------------------------------------------ dispute

    function test_DisputeAWrongKeyRefundsInFull() public {
        uint256 id = _listEth();
        uint256 purchaseId = _buy(id);
        // Sealed correctly, but a different key than the listing's keyHash commits to.
        bytes32 wrong = _seal(purchaseId, keccak256("another key"), deliverySecret, session.publicKeyX, session.publicKeyY);
        vm.prank(creator);
        keyswarm.deliver(purchaseId, wrong);
        uint256 before = buyer.balance;
        vm.expectEmit(true, true, false, true, address(keyswarm));
        emit IKeyswarm.Disputed(purchaseId, buyer, PRICE);
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, wrong);
        assertEq(buyer.balance, before + PRICE, "refunded in full");
        assertEq(uint256(keyswarm.purchaseState(purchaseId)), uint256(IKeyswarm.PurchaseState.Disputed), "state");
        (,,,, uint40 disputed,) = keyswarm.listingStats(id);
        assertEq(disputed, 1, "listing disputed");
        (,,,, uint40 creatorDisputed,) = keyswarm.creatorStats(creator);
        assertEq(creatorDisputed, 1, "creator disputed");
    }

    function test_DisputeAKeySealedToAnotherSessionRefunds() public {
        uint256 purchaseId = _buy(_listEth());
        Vm.Wallet memory other = vm.createWallet(0x07E5);
        bytes32 misdirected = _seal(purchaseId, contentKey, deliverySecret, other.publicKeyX, other.publicKeyY);
        vm.prank(creator);
        keyswarm.deliver(purchaseId, misdirected);
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, misdirected);
        assertEq(uint256(keyswarm.purchaseState(purchaseId)), uint256(IKeyswarm.PurchaseState.Disputed), "state");
    }

    function test_DisputeInToken() public {
        uint256 purchaseId = _buyWithWrongKey(_listUsd());
        uint256 before = usd.balanceOf(buyer);
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, WRONG_SEALED_KEY);
        assertEq(usd.balanceOf(buyer), before + USD_PRICE, "refunded");
    }

    function test_DisputeAtTheLastSecond() public {
        uint256 purchaseId = _buyWithWrongKey(_listEth());
        vm.warp(keyswarm.purchases(purchaseId).disputeDeadline);
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, WRONG_SEALED_KEY);
    }

    function test_RevertWhen_DisputeTheRightKey() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        bytes32 sealedKey = _sealed(purchaseId);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmKeyIsValid.selector, purchaseId));
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, sealedKey);
    }

    function test_RevertWhen_DisputeWithAnotherSecret() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        bytes32 sealedKey = _sealed(purchaseId);
        // The commitment binds buyer, session and sealed key together: another b is refused by it.
        vm.expectRevert(
            abi.encodeWithSelector(IKeyswarm.KeyswarmNotBuyerOrSealedKey.selector, purchaseId, buyer, sealedKey)
        );
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret + 1, sealedKey);
    }

    function test_RevertWhen_DisputeWithSecretZero() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        bytes32 sealedKey = _sealed(purchaseId);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmWrongSessionSecret.selector, purchaseId));
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, 0, sealedKey);
    }

    function test_RevertWhen_DisputeWithSecretAboveTheOrder() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        bytes32 sealedKey = _sealed(purchaseId);
        // b + n names the same point as b; only the canonical scalar is accepted.
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmWrongSessionSecret.selector, purchaseId));
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret + N, sealedKey);
    }

    function test_RevertWhen_DisputeByStranger() public {
        uint256 purchaseId = _buyWithWrongKey(_listEth());
        // Someone who copied b and the sealed key from the mempool cannot take the refund.
        vm.expectRevert(
            abi.encodeWithSelector(IKeyswarm.KeyswarmNotBuyerOrSealedKey.selector, purchaseId, stranger, WRONG_SEALED_KEY)
        );
        vm.prank(stranger);
        keyswarm.dispute(purchaseId, sessionSecret, WRONG_SEALED_KEY);
    }

    function test_RevertWhen_DisputeWithAnotherSealedKey() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        // The right key was delivered; a buyer who claims another one was sent is caught by the commitment.
        bytes32 claimed = _sealed(purchaseId) ^ bytes32(uint256(1));
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotBuyerOrSealedKey.selector, purchaseId, buyer, claimed));
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, claimed);
    }

    function test_RevertWhen_DisputeAfterSettlement() public {
        uint256 purchaseId = _buySettled(_listEth());
        bytes32 sealedKey = _sealed(purchaseId);
        // The ledger now fills the commitment's bytes; the status refuses first.
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmPurchaseClosed.selector, purchaseId));
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, sealedKey);
    }

    function test_RevertWhen_DisputeUndelivered() public {
        uint256 purchaseId = _buy(_listEth());
        bytes32 sealedKey = _sealed(purchaseId);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotDelivered.selector, purchaseId));
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, sealedKey);
    }

    /// @dev A late dispute is refused, and the b its calldata made public signs no receipt (issue #12).
    function test_RevertWhen_DisputeAfterTheWindow() public {
        uint256 purchaseId = _buyWithWrongKey(_listEth());
        uint256 deadline = keyswarm.purchases(purchaseId).disputeDeadline;
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmDisputeWindowClosed.selector, purchaseId, deadline));
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, WRONG_SEALED_KEY);
        _assertTheRevealedSecretSignsNothing(purchaseId);
    }

    function test_RevertWhen_DisputeTwice() public {
        uint256 purchaseId = _buyWithWrongKey(_listEth());
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, WRONG_SEALED_KEY);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmPurchaseClosed.selector, purchaseId));
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, WRONG_SEALED_KEY);
    }

    // ------------------------------------------------------------ settle

    function test_SettleSplitsTheEscrow() public {
        uint256 id = _listEth();
        uint256 purchaseId = _buyDelivered(id);
        _afterDisputeWindow(purchaseId);
        uint256 pool = PRICE * SHARE / 10_000;
        vm.expectEmit(true, false, false, true, address(keyswarm));
        emit IKeyswarm.Settled(purchaseId, PRICE - pool, pool);
        keyswarm.settle(purchaseId);
        assertEq(keyswarm.balanceOf(creator, address(0)), PRICE - pool, "creator share");
        assertEq(uint256(keyswarm.purchaseState(purchaseId)), uint256(IKeyswarm.PurchaseState.Settled), "state");
        (,, uint40 delivered,,,) = keyswarm.listingStats(id);
        assertEq(delivered, 1, "listing delivered");
        (,, uint40 creatorDelivered,,,) = keyswarm.creatorStats(creator);
        assertEq(creatorDelivered, 1, "creator delivered");
        IKeyswarm.PurchaseInfo memory info = keyswarm.purchases(purchaseId);
        assertEq(info.paidBytes, 0, "no bytes paid yet");
        assertEq(info.paidOut, 0, "no pool paid yet");
    }

    function test_SettledStateShowsOnceTheWindowIsOver() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        _afterDisputeWindow(purchaseId);
        assertEq(uint256(keyswarm.purchaseState(purchaseId)), uint256(IKeyswarm.PurchaseState.Settled), "final");
    }

    function test_RevertWhen_SettleDuringTheDisputeWindow() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        vm.warp(keyswarm.purchases(purchaseId).disputeDeadline);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotSettleable.selector, purchaseId));
        keyswarm.settle(purchaseId);
    }

    function test_RevertWhen_SettleUndelivered() public {
        uint256 purchaseId = _buy(_listEth());
        vm.warp(block.timestamp + 30 days);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotSettleable.selector, purchaseId));
        keyswarm.settle(purchaseId);
    }

    function test_RevertWhen_SettleTwice() public {
        uint256 purchaseId = _buySettled(_listEth());
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmPurchaseClosed.selector, purchaseId));
        keyswarm.settle(purchaseId);
    }

    function test_SettleManySkipsTheSettled() public {
        uint256 id = _listEth();
        uint256 a = _buySettled(id);
        uint256 b = _buyDelivered(id);
        _afterDisputeWindow(b);
        uint256[] memory ids = new uint256[](2);
        ids[0] = a;
        ids[1] = b;
        keyswarm.settleMany(ids);
        uint256 pool = PRICE * SHARE / 10_000;
        assertEq(keyswarm.balanceOf(creator, address(0)), 2 * (PRICE - pool), "both settled once");
    }

    function test_SettleManySettlesWhatIsDueAndSkipsTheRest() public {
        uint256 id = _listEth();
        uint256 refunded = _buy(id);
        uint256 disputed = _buyWithWrongKey(id);
        vm.prank(buyer);
        keyswarm.dispute(disputed, sessionSecret, WRONG_SEALED_KEY);
        uint256 settled = _buySettled(id);
        uint256 due = _buyDelivered(id);
        uint256 dueToo = _buyDelivered(_listUsd());
        uint256 undelivered = _buy(id);
        vm.warp(keyswarm.purchases(due).disputeDeadline + 1);
        vm.prank(buyer);
        keyswarm.refund(refunded, session.addr);
        // Bought now: still inside its dispute window.
        uint256 disputable = _buyDelivered(id);

        uint256[] memory ids = new uint256[](9);
        ids[0] = refunded;
        ids[1] = disputed;
        ids[2] = settled;
        ids[3] = due;
        ids[4] = undelivered;
        ids[5] = disputable;
        ids[6] = 999; // unknown
        ids[7] = dueToo;
        ids[8] = due; // twice in one batch
        uint256 creatorBefore = keyswarm.balanceOf(creator, address(0));
        assertEq(keyswarm.settleMany(ids), 2, "only the two due purchases settle");
        uint256 pool = PRICE * SHARE / 10_000;
        assertEq(keyswarm.balanceOf(creator, address(0)), creatorBefore + PRICE - pool, "the ETH one paid once");
        assertEq(keyswarm.balanceOf(creator, address(usd)), USD_PRICE - USD_PRICE * SHARE / 10_000, "the token one");
        assertEq(uint256(keyswarm.purchaseState(disputable)), uint256(IKeyswarm.PurchaseState.Delivered), "untouched");
        assertEq(uint256(keyswarm.purchaseState(undelivered)), uint256(IKeyswarm.PurchaseState.Expired), "untouched");
        assertEq(uint256(keyswarm.purchaseState(refunded)), uint256(IKeyswarm.PurchaseState.Refunded), "untouched");
        assertEq(uint256(keyswarm.purchaseState(disputed)), uint256(IKeyswarm.PurchaseState.Disputed), "untouched");
        // What it skipped can still settle later, on its own schedule.
        vm.warp(keyswarm.purchases(disputable).disputeDeadline + 1);
        keyswarm.settle(disputable);
    }

    // ------------------------------------------------------------ claim

    function test_ClaimPaysPoolTimesBytesOverSize() public {
        uint256 purchaseId = _buySettled(_listEth());
        uint256 pool = PRICE * SHARE / 10_000;
        bytes memory sig = _receipt(receiptSecret, purchaseId, seeder, SIZE / 4);
        vm.expectEmit(true, true, false, true, address(keyswarm));
        emit IKeyswarm.Claimed(purchaseId, seeder, SIZE / 4, pool / 4);
        vm.prank(seeder);
        uint256 paid = keyswarm.claim(purchaseId, seeder, SIZE / 4, sig);
        assertEq(paid, pool / 4, "a quarter of the pool");
        assertEq(keyswarm.balanceOf(seeder, address(0)), pool / 4, "seeder balance");
        assertEq(_paidBytes(purchaseId, seeder), SIZE / 4, "bytes");
        IKeyswarm.PurchaseInfo memory info = keyswarm.purchases(purchaseId);
        assertEq(info.paidBytes, SIZE / 4, "purchase bytes");
        assertEq(info.paidOut, pool / 4, "purchase paid out");
    }

    function test_ClaimIsCumulative() public {
        uint256 purchaseId = _buySettled(_listEth());
        uint256 pool = PRICE * SHARE / 10_000;
        _claim(purchaseId, seeder, SIZE / 4);
        uint256 paid = _claim(purchaseId, seeder, SIZE / 2);
        assertEq(paid, pool / 2 - pool / 4, "only the difference");
        assertEq(keyswarm.balanceOf(seeder, address(0)), pool / 2, "half in total");
    }

    function test_ClaimReplayedReceiptPaysNothing() public {
        uint256 purchaseId = _buySettled(_listEth());
        _claim(purchaseId, seeder, SIZE / 2);
        assertEq(_claim(purchaseId, seeder, SIZE / 2), 0, "replay");
        assertEq(_claim(purchaseId, seeder, SIZE / 4), 0, "lower");
    }

    function test_ClaimNeverPaysMoreBytesThanTheSize() public {
        uint256 purchaseId = _buySettled(_listEth());
        uint256 pool = PRICE * SHARE / 10_000;
        address other = vm.addr(0x5EED2);
        _claim(purchaseId, seeder, SIZE * 3 / 4);
        // The buyer's tab signed for more than the file; only what is left of the size is paid.
        uint256 paid = _claim(purchaseId, other, SIZE);
        assertEq(_paidBytes(purchaseId, other), SIZE / 4, "capped bytes");
        assertEq(paid, pool / 4, "capped pay");
        assertEq(keyswarm.purchases(purchaseId).paidBytes, SIZE, "whole size paid");
        assertEq(_claim(purchaseId, vm.addr(0x5EED3), SIZE), 0, "nothing left");
    }

    function test_ClaimSettlesWhenDue() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        _afterDisputeWindow(purchaseId);
        _claim(purchaseId, seeder, SIZE);
        uint256 pool = PRICE * SHARE / 10_000;
        assertEq(keyswarm.balanceOf(creator, address(0)), PRICE - pool, "settled on the way");
        assertEq(keyswarm.balanceOf(seeder, address(0)), pool, "whole pool");
    }

    function test_ClaimManyPaysEachReceipt() public {
        uint256 id = _listEth();
        uint256 a = _buySettled(id);
        uint256 b = _buySettled(id);
        IKeyswarm.Claim[] memory claims = new IKeyswarm.Claim[](2);
        claims[0] = IKeyswarm.Claim(a, seeder, SIZE, _receipt(receiptSecret, a, seeder, SIZE));
        claims[1] = IKeyswarm.Claim(b, seeder, SIZE / 2, _receipt(receiptSecret, b, seeder, SIZE / 2));
        uint256 pool = PRICE * SHARE / 10_000;
        vm.prank(seeder);
        uint256 total = keyswarm.claimMany(claims);
        assertEq(total, pool + pool / 2, "total");
        assertEq(keyswarm.balanceOf(seeder, address(0)), total, "credited");
    }

    function test_RevertWhen_ClaimSignedByAnotherKey() public {
        uint256 purchaseId = _buySettled(_listEth());
        bytes memory sig = _receipt(0x07E5, purchaseId, seeder, SIZE);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidReceipt.selector, purchaseId, seeder));
        vm.prank(seeder);
        keyswarm.claim(purchaseId, seeder, SIZE, sig);
    }

    function test_RevertWhen_ClaimForAnotherSeeder() public {
        uint256 purchaseId = _buySettled(_listEth());
        bytes memory sig = _receipt(receiptSecret, purchaseId, seeder, SIZE);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidReceipt.selector, purchaseId, stranger));
        vm.prank(stranger);
        keyswarm.claim(purchaseId, stranger, SIZE, sig);
    }

    function test_RevertWhen_ClaimWithMoreBytesThanSigned() public {
        uint256 purchaseId = _buySettled(_listEth());
        bytes memory sig = _receipt(receiptSecret, purchaseId, seeder, SIZE / 2);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidReceipt.selector, purchaseId, seeder));
        vm.prank(seeder);
        keyswarm.claim(purchaseId, seeder, SIZE, sig);
    }

    function test_RevertWhen_ClaimWithAMalformedSignature() public {
        uint256 purchaseId = _buySettled(_listEth());
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidReceipt.selector, purchaseId, seeder));
        vm.prank(seeder);
        keyswarm.claim(purchaseId, seeder, SIZE, hex"1234");
    }

    function test_RevertWhen_ClaimBeforeSettlement() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        bytes memory sig = _receipt(receiptSecret, purchaseId, seeder, SIZE);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotSettleable.selector, purchaseId));
        vm.prank(seeder);
        keyswarm.claim(purchaseId, seeder, SIZE, sig);
    }

    function test_RevertWhen_ClaimARefundedPurchase() public {
        uint256 purchaseId = _buy(_listEth());
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        vm.prank(buyer);
        keyswarm.refund(purchaseId, session.addr);
        bytes memory sig = _receipt(receiptSecret, purchaseId, seeder, SIZE);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotSettleable.selector, purchaseId));
        vm.prank(seeder);
        keyswarm.claim(purchaseId, seeder, SIZE, sig);
    }

    function test_RevertWhen_ClaimByStranger() public {
        uint256 purchaseId = _buySettled(_listEth());
        bytes memory sig = _receipt(receiptSecret, purchaseId, seeder, SIZE);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotSeeder.selector, purchaseId, seeder, stranger));
        vm.prank(stranger);
        keyswarm.claim(purchaseId, seeder, SIZE, sig);
    }

    function test_AgentClaimsForItsSeeder() public {
        uint256 purchaseId = _buySettled(_listEth());
        vm.prank(seeder);
        keyswarm.setAgent(agent, true);
        bytes memory sig = _receipt(receiptSecret, purchaseId, seeder, SIZE);
        vm.prank(agent);
        keyswarm.claim(purchaseId, seeder, SIZE, sig);
        assertEq(keyswarm.balanceOf(seeder, address(0)), PRICE * SHARE / 10_000, "credited to the seeder");
        assertEq(keyswarm.balanceOf(agent, address(0)), 0, "not to the agent");
    }

    function test_ClaimingANewerPurchaseClosesTheOlderOnes() public {
        uint256 id = _listEth();
        uint256 older = _buySettled(id);
        uint256 newer = _buySettled(id);
        uint256 pool = PRICE * SHARE / 10_000;
        _claim(newer, seeder, SIZE / 2);
        assertEq(_claim(older, seeder, SIZE), 0, "older closed");
        assertEq(_claim(newer, seeder, SIZE), pool - pool / 2, "the newest can still be topped up");
        (uint192 newest, uint64 paidBytes) = keyswarm.claimCursorOf(seeder);
        assertEq(newest, newer, "cursor");
        assertEq(paidBytes, SIZE, "bytes");
        // Another seeder's cursor is its own.
        assertEq(_claim(older, vm.addr(0x5EED2), SIZE), pool, "another seeder");
    }

    function test_ClaimManySkipsWhatIsOutOfOrder() public {
        uint256 id = _listEth();
        uint256 a = _buySettled(id);
        uint256 b = _buySettled(id);
        IKeyswarm.Claim[] memory claims = new IKeyswarm.Claim[](3);
        claims[0] = IKeyswarm.Claim(b, seeder, SIZE / 2, _receipt(receiptSecret, b, seeder, SIZE / 2));
        claims[1] = IKeyswarm.Claim(a, seeder, SIZE, _receipt(receiptSecret, a, seeder, SIZE));
        claims[2] = IKeyswarm.Claim(b, seeder, SIZE / 2, _receipt(receiptSecret, b, seeder, SIZE / 2));
        vm.prank(seeder);
        uint256 total = keyswarm.claimMany(claims);
        assertEq(total, PRICE * SHARE / 10_000 / 2, "b once; a is older and b's replay pays nothing");
    }

    // ------------------------------------------------------------ the session secret a dispute reveals

    /// @dev The theft of issue #12: b is public once a dispute of the right key is broadcast (it
    /// reverts, its calldata stays) or lands late (see `test_RevertWhen_DisputeAfterTheWindow`).
    /// Receipts it signs pay nothing; the seeders who served the buyer are still paid in full.
    function test_RevertWhen_ASessionSecretFromAFailedDisputeSignsReceipts() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        bytes32 sealedKey = _sealed(purchaseId);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmKeyIsValid.selector, purchaseId));
        vm.prank(buyer);
        keyswarm.dispute(purchaseId, sessionSecret, sealedKey);
        _afterDisputeWindow(purchaseId);
        _assertTheRevealedSecretSignsNothing(purchaseId);
    }

    function test_RevertWhen_ClaimAfterTheClaimWindow() public {
        uint256 purchaseId = _buySettled(_listEth());
        uint256 deadline = keyswarm.purchases(purchaseId).claimDeadline;
        vm.warp(deadline + 1);
        bytes memory sig = _receipt(receiptSecret, purchaseId, seeder, SIZE);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmClaimWindowClosed.selector, purchaseId, deadline));
        vm.prank(seeder);
        keyswarm.claim(purchaseId, seeder, SIZE, sig);
    }

    function test_ReceiptDigestIsEip712() public view {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Keyswarm"),
                keccak256("1"),
                block.chainid,
                address(keyswarm)
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(keccak256("Receipt(uint256 purchaseId,address seeder,uint64 bytes)"), 7, seeder, uint64(99))
        );
        bytes32 expected = keccak256(abi.encodePacked("\x19\x01", domain, structHash));
        assertEq(keyswarm.receiptDigest(7, seeder, 99), expected, "digest");
    }

    /// @dev Whoever read b signs a receipt for the whole pool to itself: refused; the seeder who served is paid.
    function _assertTheRevealedSecretSignsNothing(uint256 purchaseId) internal {
        bytes memory forged = _receipt(sessionSecret, purchaseId, stranger, SIZE);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmInvalidReceipt.selector, purchaseId, stranger));
        vm.prank(stranger);
        keyswarm.claim(purchaseId, stranger, SIZE, forged);
        assertEq(_claim(purchaseId, seeder, SIZE), PRICE * SHARE / 10_000, "the real seeder takes the whole pool");
    }

    // ------------------------------------------------------------ sweep

    function test_SweepGivesTheUnclaimedPoolToTheCreator() public {
        uint256 purchaseId = _buySettled(_listEth());
        uint256 pool = PRICE * SHARE / 10_000;
        uint256 paid = _claim(purchaseId, seeder, SIZE / 4);
        vm.warp(keyswarm.purchases(purchaseId).claimDeadline + 1);
        vm.expectEmit(true, true, false, true, address(keyswarm));
        emit IKeyswarm.Swept(purchaseId, creator, pool - paid);
        keyswarm.sweep(purchaseId);
        assertEq(keyswarm.balanceOf(creator, address(0)), PRICE - paid, "creator has all but the seeder's part");
    }

    function test_SweepSettlesWhenDue() public {
        uint256 purchaseId = _buyDelivered(_listEth());
        vm.warp(keyswarm.purchases(purchaseId).claimDeadline + 1);
        keyswarm.sweep(purchaseId);
        assertEq(keyswarm.balanceOf(creator, address(0)), PRICE, "everything");
    }

    function test_RevertWhen_SweepDuringTheClaimWindow() public {
        uint256 purchaseId = _buySettled(_listEth());
        uint256 deadline = keyswarm.purchases(purchaseId).claimDeadline;
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmClaimWindowOpen.selector, purchaseId, deadline));
        keyswarm.sweep(purchaseId);
    }

    function test_RevertWhen_SweepTwice() public {
        uint256 purchaseId = _buySettled(_listEth());
        vm.warp(keyswarm.purchases(purchaseId).claimDeadline + 1);
        keyswarm.sweep(purchaseId);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNothingToSweep.selector, purchaseId));
        keyswarm.sweep(purchaseId);
    }

    function test_RevertWhen_SweepARefundedPurchase() public {
        uint256 purchaseId = _buy(_listEth());
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        vm.prank(buyer);
        keyswarm.refund(purchaseId, session.addr);
        vm.warp(block.timestamp + 60 days);
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNotSettleable.selector, purchaseId));
        keyswarm.sweep(purchaseId);
    }

    function test_SweepManySweepsWhatIsDueAndSkipsTheRest() public {
        uint256 id = _listEth();
        uint256 pool = PRICE * SHARE / 10_000;
        uint256 partlyClaimed = _buySettled(id);
        uint256 paid = _claim(partlyClaimed, seeder, SIZE / 4);
        uint256 fullyClaimed = _buySettled(id);
        _claim(fullyClaimed, vm.addr(0x5EED2), SIZE);
        uint256 unsettled = _buyDelivered(id);
        uint256 refunded = _buy(id);
        vm.warp(keyswarm.purchases(unsettled).claimDeadline + 1);
        vm.prank(buyer);
        keyswarm.refund(refunded, session.addr);
        uint256 swept = _buySettled(id);
        vm.warp(keyswarm.purchases(swept).claimDeadline + 1);
        keyswarm.sweep(swept);
        uint256 stillOpen = _buySettled(id); // bought now: its claim window is open

        uint256[] memory ids = new uint256[](8);
        ids[0] = partlyClaimed;
        ids[1] = fullyClaimed;
        ids[2] = unsettled;
        ids[3] = refunded;
        ids[4] = swept;
        ids[5] = stillOpen;
        ids[6] = 999;
        ids[7] = partlyClaimed;
        uint256 before = keyswarm.balanceOf(creator, address(0));
        uint256 total = keyswarm.sweepMany(ids);
        // The unsettled one settles on the way: its creator share and its whole pool.
        assertEq(total, (pool - paid) + pool, "what was left of two pools, once each");
        assertEq(keyswarm.balanceOf(creator, address(0)), before + total + (PRICE - pool), "credited");
        assertEq(keyswarm.purchases(stillOpen).paidOut, 0, "an open claim window is untouched");
    }

    // ------------------------------------------------------------ withdraw

    function test_WithdrawEth() public {
        uint256 purchaseId = _buySettled(_listEth());
        uint256 share = keyswarm.balanceOf(creator, address(0));
        uint256 before = creator.balance;
        vm.expectEmit(true, true, false, true, address(keyswarm));
        emit IKeyswarm.Withdrawn(creator, address(0), share);
        vm.prank(creator);
        keyswarm.withdraw(address(0));
        assertEq(creator.balance, before + share, "paid");
        assertEq(keyswarm.balanceOf(creator, address(0)), 0, "zeroed");
        assertEq(address(keyswarm).balance, PRICE * SHARE / 10_000, "the pool stays");
        purchaseId;
    }

    function test_WithdrawToken() public {
        _buySettled(_listUsd());
        uint256 share = keyswarm.balanceOf(creator, address(usd));
        vm.prank(creator);
        keyswarm.withdraw(address(usd));
        assertEq(usd.balanceOf(creator), share, "paid");
    }

    function test_RevertWhen_WithdrawNothing() public {
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmNothingToWithdraw.selector, address(0)));
        vm.prank(creator);
        keyswarm.withdraw(address(0));
    }

    function test_RevertWhen_WithdrawToARejectingReceiver() public {
        EthRejecter rejecter = new EthRejecter();
        _settledSaleBy(address(rejecter));
        uint256 share = keyswarm.balanceOf(address(rejecter), address(0));
        vm.expectRevert(abi.encodeWithSelector(IKeyswarm.KeyswarmTransferFailed.selector, address(rejecter), share));
        vm.prank(address(rejecter));
        keyswarm.withdraw(address(0));
        assertEq(keyswarm.balanceOf(address(rejecter), address(0)), share, "balance kept");
    }

    // ------------------------------------------------------------ views

    function test_PurchaseStateOfUnknownIsNone() public view {
        assertEq(uint256(keyswarm.purchaseState(42)), uint256(IKeyswarm.PurchaseState.None), "none");
        assertEq(keyswarm.purchases(42).receiptSigner, address(0), "empty");
    }

    function test_CountersTellTheWholeStory() public {
        uint256 id = _listEth();
        _buySettled(id); // delivered
        uint256 refunded = _buy(id);
        uint256 disputed = _buy(id);
        vm.prank(creator);
        keyswarm.deliver(disputed, WRONG_SEALED_KEY);
        vm.prank(buyer);
        keyswarm.dispute(disputed, sessionSecret, WRONG_SEALED_KEY);
        vm.warp(block.timestamp + DELIVERY_WINDOW + 1);
        vm.prank(buyer);
        keyswarm.refund(refunded, session.addr);
        (uint40 listings, uint40 sold, uint40 delivered, uint40 refundedCount, uint40 disputedCount,) =
            keyswarm.creatorStats(creator);
        assertEq(listings, 1, "listings");
        assertEq(sold, 3, "sold");
        assertEq(delivered, 1, "delivered");
        assertEq(refundedCount, 1, "refunded");
        assertEq(disputedCount, 1, "disputed");
    }
}
