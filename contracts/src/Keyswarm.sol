// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IKeyswarm} from "./IKeyswarm.sol";

/// @title Keyswarm paywall
/// @notice Sells the content keys of encrypted torrents. A buyer pays into escrow with a fresh
/// session key B; the creator delivers the content key K sealed to B; a buyer who receives a wrong
/// key proves it on chain by revealing the session secret b and is refunded in full. After the
/// dispute window the escrow settles: `seedShareBps` of it pays the seeders who served the buyer
/// (EIP-712 receipts signed by the purchase's receipt key, which no dispute reveals), the rest is the
/// creator's.
/// @dev Sealing, bit for bit: S = b·C = c·B; shared = address(S);
/// pad = keccak256(abi.encode(shared, purchaseId)); sealedKey = K xor pad;
/// keyHash = keccak256(abi.encode(K)). There is no owner: nobody can take funds or change the rules
/// of an existing listing. Times follow a fixed schedule from the purchase: delivery until
/// `purchasedAt + deliveryWindow`, disputes until that plus `disputeWindow` (so the buyer always has
/// at least `disputeWindow` after a delivery), seeding claims for `claimWindow` after that.
contract Keyswarm is IKeyswarm, EIP712, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ---------------------------------------------------------------- storage types

    /// @notice Where a purchase is, as stored. `Open` is paid and undelivered; `Delivered` holds its
    /// escrow until it settles or is disputed.
    enum Status {
        None,
        Open,
        Delivered,
        Refunded,
        Disputed,
        Settled
    }

    /// @dev Two slots, both written at purchase, so nothing later pays for a fresh one. Slot 0's
    /// 20 bytes change meaning with the status: until delivery (and after a refund) the buyer's
    /// commitment bytes20(keccak256(abi.encode(buyer, session))), which binds the session key B to
    /// the buyer without a slot of its own; from delivery, the dispute commitment
    /// bytes20(keccak256(abi.encode(that, sealedKey))), which is all a dispute needs (the sealed key
    /// itself is in the `Delivered` event); once settled the buyer has no claim left, and they keep
    /// the seeding pool's ledger (paid bytes, paid amount). Slot 1 holds the receipt signer, the
    /// address receipts must recover to: a key apart from the session key, so the session secret a
    /// dispute reveals signs nothing. See `_buyerCommitment`, `_commitment` and `_ledger`.
    struct Purchase {
        bytes20 commitmentOrLedger;
        uint96 amount;
        address receiptSigner;
        uint48 contentId;
        uint40 purchasedAt;
        Status status;
    }

    // ---------------------------------------------------------------- constants and state

    /// @dev secp256k1: field prime, group order, generator.
    uint256 private constant P = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F;
    uint256 private constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
    uint256 private constant GX = 0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798;
    /// @dev Gy is even, so ecrecover's v for G is 27.
    uint8 private constant GV = 27;

    uint256 private constant BPS = 10_000;
    bytes32 private constant RECEIPT_TYPEHASH = keccak256("Receipt(uint256 purchaseId,address seeder,uint64 bytes)");

    /// @notice Seconds a creator has, after a purchase, to deliver the key.
    uint256 public immutable deliveryWindow;
    /// @notice Seconds after the delivery deadline during which the buyer may dispute.
    uint256 public immutable disputeWindow;
    /// @notice Seconds after the dispute deadline during which seeders may claim.
    uint256 public immutable claimWindow;

    /// @dev Both start at 1 so that 0 never names anything.
    uint256 private _nextContentId = 1;
    uint256 private _nextPurchaseId = 1;

    mapping(uint256 contentId => Listing) private _listings;
    mapping(uint256 purchaseId => Purchase) private _purchases;

    /// @notice Counters of one listing (`listings` is unused there; `since` = listed at).
    mapping(uint256 contentId => Stats) public listingStats;
    /// @notice Counters of one creator (`since` unused).
    mapping(address creator => Stats) public creatorStats;
    /// @notice Hot keys a creator lets deliver for it.
    mapping(address creator => mapping(address agent => bool)) public isAgent;
    /// @notice Withdrawable balance of an account in a token (address(0) = ETH).
    mapping(address account => mapping(address token => uint256)) public balanceOf;
    /// @notice Each seeder's newest paid purchase and the bytes paid for it (its best receipt, capped).
    mapping(address seeder => SeederCursor) public claimCursorOf;

    /// @param deliveryWindow_ Seconds to deliver after a purchase (1 hour in deployments).
    /// @param disputeWindow_ Seconds to dispute after the delivery deadline (1 hour in deployments).
    /// @param claimWindow_ Seconds seeders have to claim after the dispute deadline (30 days in deployments).
    constructor(uint256 deliveryWindow_, uint256 disputeWindow_, uint256 claimWindow_) EIP712("Keyswarm", "1") {
        if (
            deliveryWindow_ == 0 || disputeWindow_ == 0 || claimWindow_ == 0
                || deliveryWindow_ + disputeWindow_ + claimWindow_ > type(uint32).max
        ) revert KeyswarmInvalidWindows();
        deliveryWindow = deliveryWindow_;
        disputeWindow = disputeWindow_;
        claimWindow = claimWindow_;
    }

    // ---------------------------------------------------------------- creators

    /// @notice Lists a torrent. Paid listings need a key hash and a delivery public key C on secp256k1.
    /// @return contentId The new listing's id (sequential from 1).
    function list(ListingParams calldata params) external returns (uint256 contentId) {
        if (params.infoHash == bytes20(0)) revert KeyswarmInvalidInfoHash();
        if (params.size == 0) revert KeyswarmInvalidSize();
        if (params.seedShareBps > BPS) revert KeyswarmInvalidShare(params.seedShareBps);
        if (params.price > type(uint96).max) revert KeyswarmPriceTooLarge(params.price);
        bool keyed = params.keyHash != bytes32(0);
        if (!keyed && params.price != 0) revert KeyswarmPaidListingWithoutKey();
        // The ecrecover trick takes C's x as r, which must be below the group order.
        if (keyed && (!_onCurve(params.deliveryX, params.deliveryY) || params.deliveryX >= N)) {
            revert KeyswarmInvalidDeliveryKey(params.deliveryX, params.deliveryY);
        }
        if (params.token != address(0) && params.token.code.length == 0) revert KeyswarmTokenNotContract(params.token);

        contentId = _nextContentId++;
        _listings[contentId] = Listing({
            creator: msg.sender,
            price: uint96(params.price),
            token: params.token,
            size: params.size,
            seedShareBps: params.seedShareBps,
            active: true,
            deliveryYOdd: params.deliveryY & 1 == 1,
            keyHash: params.keyHash,
            deliveryX: keyed ? params.deliveryX : 0,
            infoHash: params.infoHash
        });
        listingStats[contentId].since = uint40(block.timestamp);
        creatorStats[msg.sender].listings += 1;
        emit Listed(contentId, msg.sender, params.infoHash, params);
    }

    /// @notice Changes the price of future purchases; purchases already made keep what they paid.
    function setPrice(uint256 contentId, uint256 price) external {
        Listing storage l = _ownListing(contentId);
        if (price > type(uint96).max) revert KeyswarmPriceTooLarge(price);
        if (l.keyHash == bytes32(0)) revert KeyswarmFreeListing(contentId);
        // forge-lint: disable-next-line(unsafe-typecast) -- checked against uint96 max above
        l.price = uint96(price);
        emit PriceChanged(contentId, price);
    }

    /// @notice Pauses (false) or resumes (true) sales. Existing purchases are unaffected.
    function setActive(uint256 contentId, bool active) external {
        _ownListing(contentId).active = active;
        emit ActiveChanged(contentId, active);
    }

    /// @notice Replaces the listing's trackers and web seeds (read from this event, not stored).
    function setSources(uint256 contentId, string[] calldata trackers, string[] calldata webSeeds) external {
        _ownListing(contentId);
        emit SourcesChanged(contentId, trackers, webSeeds);
    }

    /// @notice Lets `agent` (a hot key: the creator's open tab, a daemon) deliver keys for the caller.
    function setAgent(address agent, bool allowed) external {
        isAgent[msg.sender][agent] = allowed;
        emit AgentSet(msg.sender, agent, allowed);
    }

    // ---------------------------------------------------------------- buyers

    /// @notice Buys a listing: pays into escrow, names the session public key B the key is sealed to
    /// and the receipt signer whose EIP-712 receipts pay the seeders.
    /// @dev ETH: send at least the price (and at most maxPrice); any excess comes straight back.
    /// ERC-20: approve first; tokens that take a fee on transfer are refused. The receipt signer is
    /// a key apart from B: a dispute reveals B's secret, and receipts signed by B would then let
    /// anyone drain the seeding pool.
    /// @param receiptSigner address(R) of the purchase's receipt key; not zero, not address(B).
    /// @param maxPrice The most the caller agrees to pay; a price raised in between reverts.
    /// @return purchaseId The new purchase's id (sequential from 1).
    function purchase(uint256 contentId, uint256 sessionX, uint256 sessionY, address receiptSigner, uint256 maxPrice)
        external
        payable
        nonReentrant
        returns (uint256 purchaseId)
    {
        Listing storage l = _listings[contentId];
        address creator = l.creator;
        uint256 price = l.price;
        if (creator == address(0)) revert KeyswarmUnknownListing(contentId);
        if (l.keyHash == bytes32(0)) revert KeyswarmFreeListing(contentId);
        if (!l.active) revert KeyswarmListingInactive(contentId);
        if (price > maxPrice) revert KeyswarmPriceAboveMax(price, maxPrice);
        if (!_onCurve(sessionX, sessionY)) revert KeyswarmInvalidSessionKey(sessionX, sessionY);
        address session = _pointAddress(sessionX, sessionY);
        if (receiptSigner == address(0) || receiptSigner == session) {
            revert KeyswarmInvalidReceiptSigner(receiptSigner);
        }

        purchaseId = _nextPurchaseId++;
        _purchases[purchaseId] = Purchase({
            commitmentOrLedger: _buyerCommitment(msg.sender, session),
            // forge-lint: disable-next-line(unsafe-typecast) -- read from a uint96 field
            amount: uint96(price),
            receiptSigner: receiptSigner,
            // forge-lint: disable-next-line(unsafe-typecast) -- ids are sequential; 2**48 listings cannot be paid for
            contentId: uint48(contentId),
            purchasedAt: uint40(block.timestamp),
            status: Status.Open
        });
        listingStats[contentId].sold += 1;
        creatorStats[creator].sold += 1;
        emit Purchased(purchaseId, contentId, msg.sender, price, sessionX, sessionY, receiptSigner);

        address token = l.token;
        if (token == address(0)) {
            if (msg.value < price) revert KeyswarmWrongPayment(msg.value, price);
            if (msg.value > price) _sendEth(msg.sender, msg.value - price);
        } else {
            if (msg.value != 0) revert KeyswarmWrongPayment(msg.value, 0);
            if (price != 0) _pull(IERC20(token), price);
        }
    }

    /// @notice Takes the refund of a purchase whose key was not delivered before the deadline.
    /// @dev The purchase stores a commitment to buyer and session key, not the buyer itself (see
    /// `Purchase`), so the buyer names its session key's address again.
    /// @param session address(B), the session key the purchase named.
    function refund(uint256 purchaseId, address session) external nonReentrant {
        Purchase storage p = _openPurchase(purchaseId);
        if (p.status == Status.Delivered) revert KeyswarmAlreadyDelivered(purchaseId);
        if (p.commitmentOrLedger != _buyerCommitment(msg.sender, session)) {
            revert KeyswarmNotBuyer(purchaseId, msg.sender);
        }
        uint256 deadline = p.purchasedAt + deliveryWindow;
        if (block.timestamp <= deadline) revert KeyswarmDeliveryPending(purchaseId, deadline);

        p.status = Status.Refunded;
        uint256 contentId = p.contentId;
        listingStats[contentId].refunded += 1;
        creatorStats[_listings[contentId].creator].refunded += 1;
        uint256 amount = p.amount;
        emit Refunded(purchaseId, msg.sender, amount);
        _pay(_listings[contentId].token, msg.sender, amount);
    }

    /// @notice Proves a delivered key wrong and takes a full refund. Reveals the session secret b:
    /// the contract computes address(b·G), unseals with S = b·C exactly as the buyer's tab does, and
    /// refunds only if keccak256(abi.encode(K')) differs from the listing's keyHash.
    /// @dev Reverts with KeyswarmKeyIsValid when the key is right: a dispute costs the buyer gas only,
    /// and the b it revealed signs no receipt (receipts recover to the separate receipt signer).
    /// The contract does not store the sealed key (see `Purchase`): the buyer passes it back from the
    /// `Delivered` event, and the stored commitment proves at once that the caller is the buyer, that
    /// b is the purchase's session secret and that this is the key delivered.
    /// @param sessionSecret The session secret b (revealing it costs the buyer nothing else).
    /// @param sealedKey The `sealedKey` of the purchase's `Delivered` event.
    function dispute(uint256 purchaseId, uint256 sessionSecret, bytes32 sealedKey) external nonReentrant {
        Purchase storage p = _openPurchase(purchaseId);
        if (p.status != Status.Delivered) revert KeyswarmNotDelivered(purchaseId);
        uint256 deadline = p.purchasedAt + deliveryWindow + disputeWindow;
        if (block.timestamp > deadline) revert KeyswarmDisputeWindowClosed(purchaseId, deadline);
        if (sessionSecret == 0 || sessionSecret >= N) revert KeyswarmWrongSessionSecret(purchaseId);
        address session = _mulAddress(sessionSecret, GX, GV);
        if (p.commitmentOrLedger != _commitment(_buyerCommitment(msg.sender, session), sealedKey)) {
            revert KeyswarmNotBuyerOrSealedKey(purchaseId, msg.sender, sealedKey);
        }

        uint256 contentId = p.contentId;
        Listing storage l = _listings[contentId];
        uint256 cx = l.deliveryX;
        address shared = _mulAddress(sessionSecret, cx, l.deliveryYOdd ? 28 : 27);
        bytes32 key = sealedKey ^ keccak256(abi.encode(shared, purchaseId));
        if (keccak256(abi.encode(key)) == l.keyHash) revert KeyswarmKeyIsValid(purchaseId);

        p.status = Status.Disputed;
        listingStats[contentId].disputed += 1;
        creatorStats[l.creator].disputed += 1;
        uint256 amount = p.amount;
        emit Disputed(purchaseId, msg.sender, amount);
        _pay(l.token, msg.sender, amount);
    }

    // ---------------------------------------------------------------- delivery

    /// @notice Delivers the content key sealed to the purchase's session key. Creator or agent,
    /// before the delivery deadline, once.
    function deliver(uint256 purchaseId, bytes32 sealedKey) external {
        _deliver(purchaseId, sealedKey);
    }

    /// @notice Delivers many sealed keys at once; reverts entirely if any one cannot be delivered.
    function deliverMany(uint256[] calldata purchaseIds, bytes32[] calldata sealedKeys) external {
        if (purchaseIds.length != sealedKeys.length) {
            revert KeyswarmLengthMismatch(purchaseIds.length, sealedKeys.length);
        }
        for (uint256 i; i < purchaseIds.length; ++i) {
            _deliver(purchaseIds[i], sealedKeys[i]);
        }
    }

    // ---------------------------------------------------------------- settlement and seeding

    /// @notice Settles a delivered purchase whose dispute window is over: the creator's share goes to
    /// its balance, the seed share stays as the purchase's seeding pool. Anyone may call it.
    function settle(uint256 purchaseId) external {
        _settle(purchaseId, _openPurchase(purchaseId));
    }

    /// @notice Settles many purchases (see `settle`). Skips, without reverting, every id that cannot
    /// settle now (unknown, undelivered, refunded, disputed, already settled, dispute window open), so
    /// one stale id never fails a batch.
    /// @return settled How many purchases this call settled.
    function settleMany(uint256[] calldata purchaseIds) external returns (uint256 settled) {
        for (uint256 i; i < purchaseIds.length; ++i) {
            Purchase storage p = _purchases[purchaseIds[i]];
            if (p.status != Status.Delivered || !_disputeWindowOver(p)) continue;
            _settle(purchaseIds[i], p);
            ++settled;
        }
    }

    /// @notice Pays a seeder from a purchase's pool for a receipt signed by the purchase's receipt
    /// key (`receiptSigner`, named at purchase): pool * bytes / size minus what the seeder already
    /// took. Bytes are cumulative; a replayed or lower receipt pays nothing, and the bytes paid for
    /// one purchase never exceed its size. Settles first if due. The seeder (or its agent, `setAgent`)
    /// sends it; the payout is credited to the seeder's balance.
    /// @dev A seeder claims its purchases in increasing id order: claiming one closes the older ones
    /// to it (they pay 0, without reverting), and only the newest can be topped up by a later receipt.
    /// This keeps one slot per seeder (`claimCursorOf`) instead of a fresh slot per purchase and
    /// seeder, which `claimMany` could not afford. Purchase ids follow purchase time, so their claim
    /// windows open in id order too; claim once a buyer is done. Only the seeder or its agent may
    /// move its cursor: a buyer could otherwise submit a receipt of its own to skip a seeder past the
    /// purchases it has not claimed yet.
    /// @param bytes_ The cumulative bytes the receipt acknowledges.
    /// @param sig The receipt key's signature over EIP-712 `Receipt(purchaseId, seeder, bytes)`.
    /// @return amount What was credited to the seeder.
    function claim(uint256 purchaseId, address seeder, uint64 bytes_, bytes calldata sig)
        external
        returns (uint256 amount)
    {
        return _claim(purchaseId, seeder, bytes_, sig);
    }

    /// @notice `claim` for many receipts; give each seeder's in increasing purchase id order.
    /// @return total The sum credited.
    function claimMany(Claim[] calldata claims) external returns (uint256 total) {
        for (uint256 i; i < claims.length; ++i) {
            total += _claim(claims[i].purchaseId, claims[i].seeder, claims[i].bytes_, claims[i].sig);
        }
    }

    /// @notice After the claim window, moves what seeders left in a purchase's pool to the creator.
    /// Anyone may call it; the creator's balance is credited. Settles first if due.
    function sweep(uint256 purchaseId) external {
        Purchase storage p = _purchases[purchaseId];
        if (p.status == Status.Delivered) _settle(purchaseId, p);
        else if (p.status != Status.Settled) revert KeyswarmNotSettleable(purchaseId);
        uint256 deadline = _claimDeadline(p);
        if (block.timestamp <= deadline) revert KeyswarmClaimWindowOpen(purchaseId, deadline);
        if (_sweep(purchaseId, p) == 0) revert KeyswarmNothingToSweep(purchaseId);
    }

    /// @notice `sweep` for many purchases. Skips, without reverting, every id with nothing to sweep
    /// now (claim window open, never delivered, refunded, disputed, swept or claimed in full), so
    /// one stale id never fails a batch.
    /// @return total The sum moved to creators' balances.
    function sweepMany(uint256[] calldata purchaseIds) external returns (uint256 total) {
        for (uint256 i; i < purchaseIds.length; ++i) {
            Purchase storage p = _purchases[purchaseIds[i]];
            Status status = p.status;
            if ((status != Status.Delivered && status != Status.Settled) || block.timestamp <= _claimDeadline(p)) {
                continue;
            }
            // Past the claim deadline, a delivered purchase is past its dispute window too.
            if (status == Status.Delivered) _settle(purchaseIds[i], p);
            total += _sweep(purchaseIds[i], p);
        }
    }

    /// @notice Sends the caller its whole balance in `token` (address(0) = ETH).
    function withdraw(address token) external nonReentrant {
        uint256 amount = balanceOf[msg.sender][token];
        if (amount == 0) revert KeyswarmNothingToWithdraw(token);
        balanceOf[msg.sender][token] = 0;
        emit Withdrawn(msg.sender, token, amount);
        _pay(token, msg.sender, amount);
    }

    // ---------------------------------------------------------------- views

    /// @notice A listing as stored (metadata is in its events).
    function listings(uint256 contentId) external view returns (Listing memory) {
        return _listings[contentId];
    }

    /// @notice A purchase decoded, with its deadlines and its state as of now.
    function purchases(uint256 purchaseId) external view returns (PurchaseInfo memory info) {
        Purchase storage p = _purchases[purchaseId];
        if (p.status == Status.None) return info;
        info.contentId = p.contentId;
        info.receiptSigner = p.receiptSigner;
        info.amount = p.amount;
        info.purchasedAt = p.purchasedAt;
        // Windows sum to less than 2**32 (constructor) and purchasedAt is a uint40: all fit in 64 bits.
        // forge-lint: disable-next-line(unsafe-typecast)
        info.deliveryDeadline = uint64(p.purchasedAt + deliveryWindow);
        // forge-lint: disable-next-line(unsafe-typecast)
        info.disputeDeadline = uint64(info.deliveryDeadline + disputeWindow);
        // forge-lint: disable-next-line(unsafe-typecast)
        info.claimDeadline = uint64(info.disputeDeadline + claimWindow);
        info.state = purchaseState(purchaseId);
        if (p.status == Status.Settled) (info.paidBytes, info.paidOut) = _ledger(p);
    }

    /// @notice Where a purchase is now: Pending, Expired (refundable), Delivered (disputable),
    /// Refunded, Disputed or Settled (final, whether or not `settle` has run yet).
    function purchaseState(uint256 purchaseId) public view returns (PurchaseState) {
        Purchase storage p = _purchases[purchaseId];
        Status status = p.status;
        if (status == Status.None) return PurchaseState.None;
        if (status == Status.Refunded) return PurchaseState.Refunded;
        if (status == Status.Disputed) return PurchaseState.Disputed;
        if (status == Status.Settled) return PurchaseState.Settled;
        uint256 deliveryDeadline = p.purchasedAt + deliveryWindow;
        if (status == Status.Open) {
            return block.timestamp <= deliveryDeadline ? PurchaseState.Pending : PurchaseState.Expired;
        }
        return block.timestamp <= deliveryDeadline + disputeWindow ? PurchaseState.Delivered : PurchaseState.Settled;
    }

    /// @notice The EIP-712 digest a receipt key signs for a seeding receipt: domain
    /// `EIP712Domain(name "Keyswarm", version "1", chainId, verifyingContract this)`, type
    /// `Receipt(uint256 purchaseId,address seeder,uint64 bytes)`.
    function receiptDigest(uint256 purchaseId, address seeder, uint64 bytes_) public view returns (bytes32) {
        // keccak256(abi.encode(RECEIPT_TYPEHASH, purchaseId, seeder, bytes_)) in scratch memory: claims are
        // priced against a 70k ceiling and abi.encode would allocate for a hash used once.
        bytes32 typeHash = RECEIPT_TYPEHASH;
        bytes32 structHash;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, typeHash)
            mstore(add(m, 0x20), purchaseId)
            mstore(add(m, 0x40), seeder)
            mstore(add(m, 0x60), bytes_)
            structHash := keccak256(m, 0x80)
        }
        return _hashTypedDataV4(structHash);
    }

    /// @notice How many listings exist (ids run from 1 to this).
    function listingCount() external view returns (uint256) {
        return _nextContentId - 1;
    }

    /// @notice How many purchases exist (ids run from 1 to this).
    function purchaseCount() external view returns (uint256) {
        return _nextPurchaseId - 1;
    }

    // ---------------------------------------------------------------- internals

    function _ownListing(uint256 contentId) private view returns (Listing storage l) {
        l = _listings[contentId];
        if (l.creator == address(0)) revert KeyswarmUnknownListing(contentId);
        if (l.creator != msg.sender) revert KeyswarmNotCreator(contentId, msg.sender);
    }

    /// @dev A purchase that still holds its escrow: Open (undelivered) or Delivered.
    function _openPurchase(uint256 purchaseId) private view returns (Purchase storage p) {
        p = _purchases[purchaseId];
        Status status = p.status;
        if (status != Status.Open && status != Status.Delivered) {
            if (status == Status.None) revert KeyswarmUnknownPurchase(purchaseId);
            revert KeyswarmPurchaseClosed(purchaseId);
        }
    }

    function _deliver(uint256 purchaseId, bytes32 sealedKey) private {
        Purchase storage p = _purchases[purchaseId];
        uint256 contentId = p.contentId;
        uint256 deadline;
        // A uint40 time plus a window below 2**32 (constructor) cannot overflow.
        unchecked {
            deadline = p.purchasedAt + deliveryWindow;
        }
        address creator = _listings[contentId].creator;
        // An unknown purchase has no creator (listing 0), so the caller check comes first and the
        // status only refines its error.
        if (msg.sender != creator && !isAgent[creator][msg.sender]) {
            if (p.status == Status.None) revert KeyswarmUnknownPurchase(purchaseId);
            revert KeyswarmNotDeliverer(purchaseId, msg.sender);
        }
        Status status = p.status;
        if (status != Status.Open) {
            if (status == Status.Refunded) revert KeyswarmPurchaseClosed(purchaseId);
            revert KeyswarmAlreadyDelivered(purchaseId);
        }
        if (block.timestamp > deadline) revert KeyswarmDeliveryTooLate(purchaseId, deadline);
        // Zero is what an unset variable delivers: refused, so a slip never starts the dispute clock.
        if (sealedKey == bytes32(0)) revert KeyswarmEmptySealedKey(purchaseId);
        // Overwrites the buyer with its commitment: two updates of slots written at purchase, no fresh
        // slot for the sealed key (it travels in the event). Deliveries are counted when they become
        // final (see `_settle`).
        p.commitmentOrLedger = _commitment(p.commitmentOrLedger, sealedKey);
        p.status = Status.Delivered;
        emit Delivered(purchaseId, sealedKey);
    }

    function _settle(uint256 purchaseId, Purchase storage p) private {
        if (p.status != Status.Delivered || !_disputeWindowOver(p)) revert KeyswarmNotSettleable(purchaseId);

        uint256 contentId = p.contentId;
        Listing storage l = _listings[contentId];
        uint256 amount = p.amount;
        uint256 pool = _pool(amount, l.seedShareBps);
        address creator = l.creator;
        p.status = Status.Settled;
        _setLedger(p, 0, 0);
        listingStats[contentId].delivered += 1;
        creatorStats[creator].delivered += 1;
        if (amount != pool) balanceOf[creator][l.token] += amount - pool;
        emit Settled(purchaseId, amount - pool, pool);
    }

    function _claim(uint256 purchaseId, address seeder, uint64 bytes_, bytes calldata sig) private returns (uint256) {
        if (msg.sender != seeder && !isAgent[seeder][msg.sender]) {
            revert KeyswarmNotSeeder(purchaseId, seeder, msg.sender);
        }
        Purchase storage p = _purchases[purchaseId];
        Status status = p.status;
        if (status != Status.Settled) {
            if (status != Status.Delivered) revert KeyswarmNotSettleable(purchaseId);
            _settle(purchaseId, p);
        }
        uint256 deadline = _claimDeadline(p);
        if (block.timestamp > deadline) revert KeyswarmClaimWindowClosed(purchaseId, deadline);
        _checkReceipt(p.receiptSigner, purchaseId, seeder, bytes_, sig);
        SeederCursor memory cursor = claimCursorOf[seeder];
        if (purchaseId < cursor.purchaseId) return 0;
        uint64 before = purchaseId == cursor.purchaseId ? cursor.paidBytes : 0;
        if (bytes_ <= before) return 0;
        return _credit(p, purchaseId, seeder, before, bytes_ - before);
    }

    /// @dev Reverts unless `sig` is `receiptSigner`'s EIP-712 signature of the receipt.
    function _checkReceipt(address receiptSigner, uint256 purchaseId, address seeder, uint64 bytes_, bytes calldata sig)
        private
        view
    {
        (address signer, ECDSA.RecoverError err,) =
            ECDSA.tryRecoverCalldata(receiptDigest(purchaseId, seeder, bytes_), sig);
        if (err != ECDSA.RecoverError.NoError || signer != receiptSigner) {
            revert KeyswarmInvalidReceipt(purchaseId, seeder);
        }
    }

    /// @dev Pays `seeder` for up to `added` more bytes of purchase `p`, beyond the `before` it had.
    function _credit(Purchase storage p, uint256 purchaseId, address seeder, uint64 before, uint64 added)
        private
        returns (uint256 amount)
    {
        Listing storage l = _listings[p.contentId];
        uint64 size = l.size;
        (uint64 paidBytes, uint256 paidOut) = _ledger(p);
        uint64 credited;
        // Bounds that make this safe: paidBytes <= size (the cap below keeps it so), before <= paidBytes,
        // pool < 2**96 and bytes < 2**64 so products fit, and payouts telescope to at most the pool.
        unchecked {
            // The purchase's total never exceeds its size, whatever its seeders signed for.
            if (added > size - paidBytes) added = size - paidBytes;
            if (added == 0) return 0;
            credited = before + added;
            uint256 pool = _pool(p.amount, l.seedShareBps);
            // Rounded per seeder on its running total, so payouts telescope and never exceed the pool.
            amount = pool * credited / size - pool * before / size;
            paidBytes += added;
            paidOut += amount;
        }
        // forge-lint: disable-next-line(unsafe-typecast) -- ids are sequential; 2**192 purchases cannot be paid for
        claimCursorOf[seeder] = SeederCursor(uint192(purchaseId), credited);
        _setLedger(p, paidBytes, paidOut);
        if (amount != 0) balanceOf[seeder][l.token] += amount;
        emit Claimed(purchaseId, seeder, credited, amount);
    }

    /// @dev Credits the creator with what is left of a settled purchase's pool; returns it (0: nothing done).
    function _sweep(uint256 purchaseId, Purchase storage p) private returns (uint256 left) {
        Listing storage l = _listings[p.contentId];
        uint256 pool = _pool(p.amount, l.seedShareBps);
        (uint64 paidBytes, uint256 paidOut) = _ledger(p);
        left = pool - paidOut;
        if (left == 0) return 0;
        _setLedger(p, paidBytes, pool);
        address creator = l.creator;
        balanceOf[creator][l.token] += left;
        emit Swept(purchaseId, creator, left);
    }

    function _disputeWindowOver(Purchase storage p) private view returns (bool) {
        return block.timestamp > p.purchasedAt + deliveryWindow + disputeWindow;
    }

    function _claimDeadline(Purchase storage p) private view returns (uint256) {
        // A uint40 time plus windows summing below 2**32 (constructor) cannot overflow.
        unchecked {
            return p.purchasedAt + deliveryWindow + disputeWindow + claimWindow;
        }
    }

    function _pool(uint256 amount, uint256 seedShareBps) private pure returns (uint256) {
        return amount * seedShareBps / BPS;
    }

    /// @dev What a purchase stores in place of the buyer: 160 bits binding the buyer to its session
    /// key's address, so the session key needs no slot of its own (the receipt signer takes it).
    function _buyerCommitment(address buyer, address session) private pure returns (bytes20) {
        return bytes20(keccak256(abi.encode(buyer, session)));
    }

    /// @dev What a delivery stores in place of the buyer's commitment: 160 bits binding buyer, session
    /// and sealed key. Matching a stored commitment with another caller, session or key is a second
    /// preimage (2**160 work); the cheapest abuse is a buyer who already knows K grinding session keys
    /// for a collision between a good and a bad sealed key, about 2**80 hashes and curve
    /// multiplications: far above any price.
    function _commitment(bytes20 buyerCommitment, bytes32 sealedKey) private pure returns (bytes20) {
        return bytes20(keccak256(abi.encode(buyerCommitment, sealedKey)));
    }

    /// @dev After settlement slot 0's 20 bytes hold (paidOut << 64 | paidBytes): 96 + 64 bits. Settling
    /// overwrites the delivery commitment with an empty ledger; nothing needs the commitment after that.
    function _ledger(Purchase storage p) private view returns (uint64 paidBytes, uint256 paidOut) {
        uint160 packed = uint160(p.commitmentOrLedger);
        // forge-lint: disable-next-line(unsafe-typecast) -- the low 64 bits are paidBytes by construction
        return (uint64(packed), packed >> 64);
    }

    function _setLedger(Purchase storage p, uint64 paidBytes, uint256 paidOut) private {
        // paidOut <= pool <= amount < 2**96, so it fits in the upper 96 bits.
        // forge-lint: disable-next-line(unsafe-typecast)
        p.commitmentOrLedger = bytes20(uint160(paidOut) << 64 | paidBytes);
    }

    function _pull(IERC20 token, uint256 amount) private {
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        // Escrow must equal the price: a fee-taking token would leave the contract owing more than it holds.
        if (received != amount) revert KeyswarmFeeOnTransfer(address(token), amount, received);
    }

    function _pay(address token, address to, uint256 amount) private {
        if (amount == 0) return;
        if (token == address(0)) _sendEth(to, amount);
        else IERC20(token).safeTransfer(to, amount);
    }

    function _sendEth(address to, uint256 amount) private {
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert KeyswarmTransferFailed(to, amount);
    }

    /// @dev True for an affine point of secp256k1 (the point at infinity has no affine form).
    function _onCurve(uint256 x, uint256 y) private pure returns (bool) {
        if (x >= P || y >= P) return false;
        return mulmod(y, y, P) == addmod(mulmod(mulmod(x, x, P), x, P), 7, P);
    }

    /// @dev address(Q): the last 20 bytes of keccak256(x ‖ y).
    function _pointAddress(uint256 x, uint256 y) private pure returns (address) {
        return address(uint160(uint256(keccak256(abi.encode(x, y)))));
    }

    /// @dev address(k·Q) for Q = (qx, y with parity v - 27), by the ecrecover trick:
    /// ecrecover(0, v, qx, k·qx mod n) = qx⁻¹·(k·qx·Q - 0·G) = k·Q. Needs 0 < k < n and qx < n.
    function _mulAddress(uint256 k, uint256 qx, uint8 v) private pure returns (address) {
        return ecrecover(bytes32(0), v, bytes32(qx), bytes32(mulmod(k, qx, N)));
    }
}
