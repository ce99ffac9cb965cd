// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title Keyswarm paywall: the types, events and errors of its interface
/// @notice What readers, indexers and other implementations need to follow the contract: the
/// structs its functions take and return, every event (the only home of listing metadata, buyers
/// and sealed keys) and every custom error, in the style of OpenZeppelin's draft-IERC6093. The
/// behaviour is in `Keyswarm`, which implements this interface; the protocol is in docs/ and
/// DESIGN.md ("The paywall contract", "Keys").
interface IKeyswarm {
    // ---------------------------------------------------------------- structs

    /// @notice What `list` takes. `token` is address(0) for ETH. A free listing (price 0, keyHash 0)
    /// registers provenance only and cannot be bought.
    struct ListingParams {
        bytes20 infoHash;
        uint64 size;
        address token;
        uint256 price;
        uint16 seedShareBps;
        bytes32 keyHash;
        uint256 deliveryX;
        uint256 deliveryY;
        string title;
        string description;
        string[] trackers;
        string[] webSeeds;
    }

    /// @notice A listing as stored. Metadata lives in the `Listed` and `SourcesChanged` events only.
    struct Listing {
        address creator;
        uint96 price;
        address token;
        uint64 size;
        uint16 seedShareBps;
        bool active;
        /// @dev Parity of the delivery key's y: with x it is all the ecrecover trick needs.
        bool deliveryYOdd;
        bytes32 keyHash;
        uint256 deliveryX;
        bytes20 infoHash;
    }

    /// @notice Public reputation counters. `delivered` counts deliveries that became final (the
    /// purchase settled), `refunded` undelivered purchases paid back, `disputed` keys proven wrong.
    struct Stats {
        uint40 listings;
        uint40 sold;
        uint40 delivered;
        uint40 refunded;
        uint40 disputed;
        /// @dev For a listing: when it was listed. Shares the counters' slot (240 bits in all) and
        /// keeps it non-zero, so even a listing's first sale counts with a cheap update.
        uint40 since;
    }

    /// @notice Where a purchase is, as the UI should read it (time taken into account).
    enum PurchaseState {
        None,
        /// Paid, waiting for the key.
        Pending,
        /// Not delivered before the deadline: the buyer may take a refund.
        Expired,
        /// Key delivered, dispute window open.
        Delivered,
        Refunded,
        Disputed,
        /// Final: settled on chain, or the dispute window is over and settling is a formality.
        Settled
    }

    /// @notice A purchase decoded for readers. The contract keeps only commitments to the buyer, the
    /// session key and the sealed key: read them from the `Purchased` and `Delivered` events.
    /// `receiptSigner` is the address seeding receipts must be signed by. `paidBytes` and `paidOut`
    /// are the seeding pool's, once settled.
    struct PurchaseInfo {
        uint256 contentId;
        address receiptSigner;
        uint256 amount;
        uint64 purchasedAt;
        uint64 deliveryDeadline;
        uint64 disputeDeadline;
        uint64 claimDeadline;
        PurchaseState state;
        uint64 paidBytes;
        uint256 paidOut;
    }

    /// @notice Where a seeder stands in its claims: the newest purchase it was paid for and the bytes
    /// paid for that one. Older purchases are closed to it. One slot per seeder, so a claim writes no
    /// fresh slot once the seeder has claimed anything (see `claim`).
    struct SeederCursor {
        uint192 purchaseId;
        uint64 paidBytes;
    }

    /// @notice One seeding receipt to claim; `sig` is the receipt key's EIP-712 signature.
    struct Claim {
        uint256 purchaseId;
        address seeder;
        uint64 bytes_;
        bytes sig;
    }

    // ---------------------------------------------------------------- events

    /// @dev A listing was created; its whole metadata lives here and in `SourcesChanged`.
    /// @param contentId The new listing's id.
    /// @param creator Who listed it (and receives its sales).
    /// @param infoHash The BitTorrent v1 info hash of its (encrypted) torrent.
    /// @param params Everything `list` was given, metadata included.
    event Listed(uint256 indexed contentId, address indexed creator, bytes20 indexed infoHash, ListingParams params);

    /// @dev The price of future purchases changed.
    /// @param contentId The listing.
    /// @param price The new price, in the listing's token.
    event PriceChanged(uint256 indexed contentId, uint256 price);

    /// @dev Sales were paused (false) or resumed (true).
    /// @param contentId The listing.
    /// @param active Whether it can be bought now.
    event ActiveChanged(uint256 indexed contentId, bool active);

    /// @dev The listing's trackers and web seeds were replaced (they are not stored).
    /// @param contentId The listing.
    /// @param trackers The new tracker URLs.
    /// @param webSeeds The new web seed URLs.
    event SourcesChanged(uint256 indexed contentId, string[] trackers, string[] webSeeds);

    /// @dev A creator (or seeder) allowed or revoked an agent: a hot key that delivers and claims for it.
    /// @param creator The account the agent acts for.
    /// @param agent The hot key.
    /// @param allowed Whether it may act now.
    event AgentSet(address indexed creator, address indexed agent, bool allowed);

    /// @dev A listing was bought and its price escrowed. The only record of the buyer and of the
    /// session key the content key is sealed to (the contract keeps commitments).
    /// @param purchaseId The new purchase's id.
    /// @param contentId The listing bought.
    /// @param buyer Who paid.
    /// @param amount The price paid, in the listing's token.
    /// @param sessionX x of the session public key B.
    /// @param sessionY y of the session public key B.
    /// @param receiptSigner address(R) of the receipt key whose EIP-712 receipts pay the seeders.
    event Purchased(
        uint256 indexed purchaseId,
        uint256 indexed contentId,
        address indexed buyer,
        uint256 amount,
        uint256 sessionX,
        uint256 sessionY,
        address receiptSigner
    );

    /// @dev The content key was delivered, sealed to the session key; the dispute clock runs.
    /// @param purchaseId The purchase.
    /// @param sealedKey K xor keccak256(abi.encode(address(b·C), purchaseId)); a dispute passes it back.
    event Delivered(uint256 indexed purchaseId, bytes32 sealedKey);

    /// @dev An undelivered purchase was paid back after its delivery deadline.
    /// @param purchaseId The purchase.
    /// @param buyer Who was paid back.
    /// @param amount The whole escrow.
    event Refunded(uint256 indexed purchaseId, address indexed buyer, uint256 amount);

    /// @dev A delivered key was proven wrong on chain and the buyer paid back in full.
    /// @param purchaseId The purchase.
    /// @param buyer Who was paid back.
    /// @param amount The whole escrow.
    event Disputed(uint256 indexed purchaseId, address indexed buyer, uint256 amount);

    /// @dev A delivered purchase became final: the creator's share went to its balance.
    /// @param purchaseId The purchase.
    /// @param creatorShare What the creator was credited.
    /// @param pool What stays as the purchase's seeding pool.
    event Settled(uint256 indexed purchaseId, uint256 creatorShare, uint256 pool);

    /// @dev A seeder was credited for a receipt.
    /// @param purchaseId The purchase whose pool paid.
    /// @param seeder Who was credited.
    /// @param bytes_ The seeder's bytes paid for so far in this purchase (cumulative, capped by size).
    /// @param amount What this claim credited.
    event Claimed(uint256 indexed purchaseId, address indexed seeder, uint64 bytes_, uint256 amount);

    /// @dev What seeders left in a pool went to the creator after the claim window.
    /// @param purchaseId The purchase.
    /// @param creator Who was credited.
    /// @param amount What was left.
    event Swept(uint256 indexed purchaseId, address indexed creator, uint256 amount);

    /// @dev An account took its balance out of the contract.
    /// @param account Who was paid.
    /// @param token The token (address(0) for ETH).
    /// @param amount The whole balance.
    event Withdrawn(address indexed account, address indexed token, uint256 amount);

    // ---------------------------------------------------------------- errors: listing

    /// @dev A window is zero, or the three together reach 2**32 seconds.
    error KeyswarmInvalidWindows();

    /// @dev A listing needs a non-zero info hash.
    error KeyswarmInvalidInfoHash();

    /// @dev A listing needs a non-zero size (its ciphertext's bytes: receipts are paid per byte of it).
    error KeyswarmInvalidSize();

    /// @dev The seeder share is above 10,000 basis points.
    /// @param seedShareBps The share given.
    error KeyswarmInvalidShare(uint256 seedShareBps);

    /// @dev A price does not fit the 96 bits a listing stores.
    /// @param price The price given.
    error KeyswarmPriceTooLarge(uint256 price);

    /// @dev A listing with a price needs a key hash (only free listings have none).
    error KeyswarmPaidListingWithoutKey();

    /// @dev The delivery key is not on secp256k1, or its x is not below the group order.
    /// @param x x given.
    /// @param y y given.
    error KeyswarmInvalidDeliveryKey(uint256 x, uint256 y);

    /// @dev The listing's token has no code.
    /// @param token The address given.
    error KeyswarmTokenNotContract(address token);

    /// @dev No listing has this id.
    /// @param contentId The id given.
    error KeyswarmUnknownListing(uint256 contentId);

    /// @dev Only the listing's creator may change it.
    /// @param contentId The listing.
    /// @param caller Who tried.
    error KeyswarmNotCreator(uint256 contentId, address caller);

    /// @dev A free listing (no key hash) can be neither bought nor priced.
    /// @param contentId The listing.
    error KeyswarmFreeListing(uint256 contentId);

    /// @dev The creator paused sales.
    /// @param contentId The listing.
    error KeyswarmListingInactive(uint256 contentId);

    // ---------------------------------------------------------------- errors: purchase and refund

    /// @dev The session key is not a point of secp256k1.
    /// @param x x given.
    /// @param y y given.
    error KeyswarmInvalidSessionKey(uint256 x, uint256 y);

    /// @dev The receipt signer is zero, or the session key's own address (whose secret a dispute reveals).
    /// @param receiptSigner The address given.
    error KeyswarmInvalidReceiptSigner(address receiptSigner);

    /// @dev The price is above what the buyer agreed to pay (it was raised in between).
    /// @param price The price now.
    /// @param maxPrice The most the buyer agreed to.
    error KeyswarmPriceAboveMax(uint256 price, uint256 maxPrice);

    /// @dev ETH sent below the price, or ETH sent to buy a token listing.
    /// @param sent The value sent.
    /// @param price What was expected (0 for a token listing).
    error KeyswarmWrongPayment(uint256 sent, uint256 price);

    /// @dev The token delivered less than the price (a fee on transfer): refused, the escrow must equal the price.
    /// @param token The token.
    /// @param expected The price.
    /// @param received What arrived.
    error KeyswarmFeeOnTransfer(address token, uint256 expected, uint256 received);

    /// @dev No purchase has this id.
    /// @param purchaseId The id given.
    error KeyswarmUnknownPurchase(uint256 purchaseId);

    /// @dev The purchase no longer holds its escrow (refunded, disputed or settled).
    /// @param purchaseId The purchase.
    error KeyswarmPurchaseClosed(uint256 purchaseId);

    /// @dev A refund from someone who is not the buyer, or naming another session key than the
    /// purchase's (the contract stores a commitment to both and cannot tell which).
    /// @param purchaseId The purchase.
    /// @param caller Who tried.
    error KeyswarmNotBuyer(uint256 purchaseId, address caller);

    /// @dev A refund before the delivery deadline: the creator may still deliver.
    /// @param purchaseId The purchase.
    /// @param deadline The delivery deadline (unix seconds).
    error KeyswarmDeliveryPending(uint256 purchaseId, uint256 deadline);

    // ---------------------------------------------------------------- errors: delivery and dispute

    /// @dev Neither the listing's creator nor one of its agents.
    /// @param purchaseId The purchase.
    /// @param caller Who tried.
    error KeyswarmNotDeliverer(uint256 purchaseId, address caller);

    /// @dev The delivery deadline has passed (the buyer may refund).
    /// @param purchaseId The purchase.
    /// @param deadline The delivery deadline (unix seconds).
    error KeyswarmDeliveryTooLate(uint256 purchaseId, uint256 deadline);

    /// @dev The key was already delivered: delivery happens once, and a delivered purchase cannot be refunded.
    /// @param purchaseId The purchase.
    error KeyswarmAlreadyDelivered(uint256 purchaseId);

    /// @dev A zero sealed key (what an unset variable delivers) is refused.
    /// @param purchaseId The purchase.
    error KeyswarmEmptySealedKey(uint256 purchaseId);

    /// @dev `deliverMany` got lists of different lengths.
    /// @param ids How many purchase ids.
    /// @param sealedKeys How many sealed keys.
    error KeyswarmLengthMismatch(uint256 ids, uint256 sealedKeys);

    /// @dev In a dispute: the caller is not the buyer, the session secret is not the purchase's, or
    /// `sealedKey` is not the one delivered. The stored commitment binds all three and cannot tell which.
    /// @param purchaseId The purchase.
    /// @param caller Who tried.
    /// @param sealedKey The sealed key given.
    error KeyswarmNotBuyerOrSealedKey(uint256 purchaseId, address caller, bytes32 sealedKey);

    /// @dev A dispute of a purchase whose key was not delivered yet.
    /// @param purchaseId The purchase.
    error KeyswarmNotDelivered(uint256 purchaseId);

    /// @dev A dispute after the dispute deadline.
    /// @param purchaseId The purchase.
    /// @param deadline The dispute deadline (unix seconds).
    error KeyswarmDisputeWindowClosed(uint256 purchaseId, uint256 deadline);

    /// @dev The session secret is 0 or not below the group order.
    /// @param purchaseId The purchase.
    error KeyswarmWrongSessionSecret(uint256 purchaseId);

    /// @dev The delivered key unseals to the listing's key: nothing to dispute (the buyer paid gas only).
    /// @param purchaseId The purchase.
    error KeyswarmKeyIsValid(uint256 purchaseId);

    // ---------------------------------------------------------------- errors: settlement and seeding

    /// @dev The purchase cannot settle: not delivered, closed, or its dispute window still open.
    /// @param purchaseId The purchase.
    error KeyswarmNotSettleable(uint256 purchaseId);

    /// @dev The signature is malformed or does not recover to the purchase's receipt signer for this
    /// (purchase, seeder, bytes).
    /// @param purchaseId The purchase.
    /// @param seeder The seeder named.
    error KeyswarmInvalidReceipt(uint256 purchaseId, address seeder);

    /// @dev A claim sent by neither the seeder nor one of its agents.
    /// @param purchaseId The purchase.
    /// @param seeder The seeder named.
    /// @param caller Who sent it.
    error KeyswarmNotSeeder(uint256 purchaseId, address seeder, address caller);

    /// @dev A claim after the claim window (the rest of the pool is the creator's to sweep).
    /// @param purchaseId The purchase.
    /// @param deadline The claim deadline (unix seconds).
    error KeyswarmClaimWindowClosed(uint256 purchaseId, uint256 deadline);

    /// @dev A sweep before the claim window has closed.
    /// @param purchaseId The purchase.
    /// @param deadline The claim deadline (unix seconds).
    error KeyswarmClaimWindowOpen(uint256 purchaseId, uint256 deadline);

    /// @dev The pool was swept already, or seeders claimed all of it.
    /// @param purchaseId The purchase.
    error KeyswarmNothingToSweep(uint256 purchaseId);

    // ---------------------------------------------------------------- errors: payouts

    /// @dev The caller's balance in this token is zero.
    /// @param token The token (address(0) for ETH).
    error KeyswarmNothingToWithdraw(address token);

    /// @dev Sending ETH failed (the receiver reverted).
    /// @param to The receiver.
    /// @param amount What was sent.
    error KeyswarmTransferFailed(address to, uint256 amount);
}
