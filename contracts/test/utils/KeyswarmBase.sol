// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "./Test.sol";
import {Vm} from "./Vm.sol";
import {Keyswarm} from "../../src/Keyswarm.sol";
import {IKeyswarm} from "../../src/IKeyswarm.sol";
import {MockStablecoin} from "../../src/MockStablecoin.sol";

/// @notice Shared fixture: a deployed Keyswarm, a stablecoin, a creator with a delivery key, a buyer
/// with session keys, and the creator-side sealing (S = c·B) done with the same ecrecover trick.
abstract contract KeyswarmBase is Test {
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
    uint256 internal constant P = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F;
    uint256 internal constant DELIVERY_WINDOW = 1 hours;
    uint256 internal constant DISPUTE_WINDOW = 1 hours;
    uint256 internal constant CLAIM_WINDOW = 30 days;
    uint64 internal constant SIZE = 10_000_000;
    uint256 internal constant PRICE = 0.01 ether;
    uint256 internal constant USD_PRICE = 5e6;
    uint16 internal constant SHARE = 2_000;
    /// @dev What `_buyWithWrongKey` delivers: unseals to a key no listing commits to.
    bytes32 internal constant WRONG_SEALED_KEY = bytes32(uint256(1));

    Keyswarm internal keyswarm;
    MockStablecoin internal usd;

    address internal creator = vm.addr(0xC0FFEE);
    address internal buyer = vm.addr(0xB0B);
    address internal agent = vm.addr(0xA6E);
    address internal seeder = vm.addr(0x5EED);
    address internal stranger = vm.addr(0xBAD);

    uint256 internal deliverySecret = 0xC0DE;
    Vm.Wallet internal delivery;
    uint256 internal sessionSecret = 0x5E5510;
    Vm.Wallet internal session;
    /// @dev The purchases' receipt key, apart from the session key (whose secret a dispute reveals).
    uint256 internal receiptSecret = 0x4EC3;
    Vm.Wallet internal receipt;
    bytes32 internal contentKey = keccak256("the content key K");

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        keyswarm = new Keyswarm(DELIVERY_WINDOW, DISPUTE_WINDOW, CLAIM_WINDOW);
        usd = new MockStablecoin();
        delivery = vm.createWallet(deliverySecret);
        session = vm.createWallet(sessionSecret);
        receipt = vm.createWallet(receiptSecret);
        vm.deal(buyer, 100 ether);
        usd.mint(buyer, 1_000_000e6);
        vm.prank(buyer);
        usd.approve(address(keyswarm), type(uint256).max);
    }

    // ------------------------------------------------------------ listings

    function _params(address token, uint256 price, uint16 share, uint64 size)
        internal
        view
        returns (IKeyswarm.ListingParams memory p)
    {
        p.infoHash = bytes20(keccak256(abi.encode("torrent", token, price, share, size)));
        p.size = size;
        p.token = token;
        p.price = price;
        p.seedShareBps = share;
        p.keyHash = keccak256(abi.encode(contentKey));
        p.deliveryX = delivery.publicKeyX;
        p.deliveryY = delivery.publicKeyY;
        // 200 bytes of metadata, the size the gas ceiling of `list` is set for.
        p.title = "Night Walk (4K)";
        p.description = "Ninety seconds of a city at night, shot handheld, graded warm, no music.";
        p.trackers = new string[](1);
        p.trackers[0] = "wss://tracker.openwebtorrent.com";
        p.webSeeds = new string[](1);
        p.webSeeds[0] = "https://cdn.example.org/night-walk.ks";
    }

    function _list(address token, uint256 price, uint16 share, uint64 size) internal returns (uint256 id) {
        vm.prank(creator);
        id = keyswarm.list(_params(token, price, share, size));
    }

    function _listEth() internal returns (uint256) {
        return _list(address(0), PRICE, SHARE, SIZE);
    }

    function _listUsd() internal returns (uint256) {
        return _list(address(usd), USD_PRICE, SHARE, SIZE);
    }

    // ------------------------------------------------------------ purchases

    function _buy(uint256 contentId) internal returns (uint256) {
        return _buyAs(buyer, contentId, session);
    }

    function _buyAs(address who, uint256 contentId, Vm.Wallet memory s) internal returns (uint256) {
        IKeyswarm.Listing memory l = keyswarm.listings(contentId);
        vm.prank(who);
        if (l.token == address(0)) {
            return keyswarm.purchase{value: l.price}(contentId, s.publicKeyX, s.publicKeyY, receipt.addr, l.price);
        }
        return keyswarm.purchase(contentId, s.publicKeyX, s.publicKeyY, receipt.addr, l.price);
    }

    /// @dev The creator's side of the sealing: S = c·B, computed with the ecrecover trick.
    function _seal(uint256 purchaseId, bytes32 key, uint256 c, uint256 bx, uint256 by) internal pure returns (bytes32) {
        address shared = ecrecover(bytes32(0), uint8(27 + (by & 1)), bytes32(bx), bytes32(mulmod(c, bx, N)));
        return key ^ keccak256(abi.encode(shared, purchaseId));
    }

    function _sealed(uint256 purchaseId) internal view returns (bytes32) {
        return _seal(purchaseId, contentKey, deliverySecret, session.publicKeyX, session.publicKeyY);
    }

    function _deliver(uint256 purchaseId) internal {
        bytes32 sealedKey = _sealed(purchaseId);
        vm.prank(creator);
        keyswarm.deliver(purchaseId, sealedKey);
    }

    function _buyDelivered(uint256 contentId) internal returns (uint256 purchaseId) {
        purchaseId = _buy(contentId);
        _deliver(purchaseId);
    }

    function _afterDisputeWindow(uint256 purchaseId) internal {
        vm.warp(keyswarm.purchases(purchaseId).disputeDeadline + 1);
    }

    function _buySettled(uint256 contentId) internal returns (uint256 purchaseId) {
        purchaseId = _buyDelivered(contentId);
        _afterDisputeWindow(purchaseId);
        keyswarm.settle(purchaseId);
    }

    /// @dev A purchase delivered a key that is not the listing's (sealed right or not, it fails the hash).
    function _buyWithWrongKey(uint256 contentId) internal returns (uint256 purchaseId) {
        purchaseId = _buy(contentId);
        vm.prank(creator);
        keyswarm.deliver(purchaseId, WRONG_SEALED_KEY);
    }

    /// @dev `seller` lists in ETH, sells once to the buyer, delivers, and the sale settles.
    function _settledSaleBy(address seller) internal returns (uint256 purchaseId) {
        vm.prank(seller);
        uint256 id = keyswarm.list(_params(address(0), PRICE, SHARE, SIZE));
        purchaseId = _buy(id);
        bytes32 sealedKey = _sealed(purchaseId);
        vm.prank(seller);
        keyswarm.deliver(purchaseId, sealedKey);
        _afterDisputeWindow(purchaseId);
        keyswarm.settle(purchaseId);
    }

    // ------------------------------------------------------------ receipts

    function _receipt(uint256 signerKey, uint256 purchaseId, address to, uint64 bytes_)
        internal
        view
        returns (bytes memory)
    {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(signerKey, keyswarm.receiptDigest(purchaseId, to, bytes_));
        return abi.encodePacked(r, s, v);
    }

    /// @dev The seeder `to` claims the buyer's receipt for `bytes_`.
    function _claim(uint256 purchaseId, address to, uint64 bytes_) internal returns (uint256) {
        bytes memory sig = _receipt(receiptSecret, purchaseId, to, bytes_);
        vm.prank(to);
        return keyswarm.claim(purchaseId, to, bytes_, sig);
    }

    /// @dev Bytes of `purchaseId` paid to `who`, while it is the seeder's newest claimed purchase.
    function _paidBytes(uint256 purchaseId, address who) internal view returns (uint64) {
        (uint192 newest, uint64 paidBytes) = keyswarm.claimCursorOf(who);
        return newest == purchaseId ? paidBytes : 0;
    }
}
