// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "./utils/Test.sol";
import {Vm} from "./utils/Vm.sol";
import {Keyswarm} from "../src/Keyswarm.sol";
import {IKeyswarm} from "../src/IKeyswarm.sol";
import {MockStablecoin} from "../src/MockStablecoin.sol";

/// @notice Drives Keyswarm at random: lists, buys, delivers (right and wrong keys), refunds,
/// disputes, settles, claims, sweeps, withdraws and lets time pass, across ETH and a token.
/// Every action picks its actors and objects from the seeds it is given and skips what cannot
/// apply, so most calls do something.
contract KeyswarmHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    Keyswarm public immutable keyswarm;
    MockStablecoin public immutable usd;

    address[] public creators;
    address[] public buyers;
    address[] public seeders;
    uint256[] internal deliverySecrets;
    uint256[] internal sessionSecrets;
    bytes32 internal constant KEY = keccak256("K");

    /// @dev Which session secret each purchase used (its receipt key follows, `_receiptSecret`), who bought it and what was delivered (the
    /// contract keeps only a commitment to the last two after delivery), and what happened to it.
    mapping(uint256 purchaseId => uint256) public sessionOf;
    mapping(uint256 purchaseId => address) public buyerOf;
    mapping(uint256 purchaseId => bytes32) public sealedKeyOf;
    mapping(uint256 purchaseId => bool) public ghostRefunded;
    mapping(uint256 purchaseId => bool) public ghostSettled;
    mapping(bytes32 action => uint256) public calls;

    constructor(Keyswarm keyswarm_, MockStablecoin usd_) {
        keyswarm = keyswarm_;
        usd = usd_;
        for (uint256 i = 1; i <= 2; ++i) {
            creators.push(vm.addr(0xC000 + i));
            buyers.push(vm.addr(0xB000 + i));
            seeders.push(vm.addr(0x5000 + i));
            deliverySecrets.push(0xD000 + i);
        }
        for (uint256 i = 1; i <= 3; ++i) sessionSecrets.push(0xE000 + i);
        for (uint256 i; i < buyers.length; ++i) {
            vm.deal(buyers[i], 1e30);
            usd.mint(buyers[i], 1e30);
            vm.prank(buyers[i]);
            usd.approve(address(keyswarm), type(uint256).max);
        }
    }

    function list(uint256 who, uint256 price, uint16 share, uint64 size, bool inToken) external {
        uint256 c = who % creators.length;
        Vm.Wallet memory d = vm.createWallet(deliverySecrets[c]);
        IKeyswarm.ListingParams memory p;
        p.infoHash = bytes20(keccak256(abi.encode(who, price, size)));
        p.size = uint64(_bound(size, 1, 1e12));
        p.token = inToken ? address(usd) : address(0);
        p.price = _bound(price, 0, 1e21);
        p.seedShareBps = uint16(_bound(share, 0, 10_000));
        p.keyHash = keccak256(abi.encode(KEY));
        p.deliveryX = d.publicKeyX;
        p.deliveryY = d.publicKeyY;
        vm.prank(creators[c]);
        keyswarm.list(p);
        calls["list"]++;
    }

    function buy(uint256 listing, uint256 who, uint256 sessionSeed) external {
        uint256 count = keyswarm.listingCount();
        if (count == 0) return;
        uint256 id = listing % count + 1;
        IKeyswarm.Listing memory l = keyswarm.listings(id);
        uint256 s = sessionSecrets[sessionSeed % sessionSecrets.length];
        Vm.Wallet memory w = vm.createWallet(s);
        address b = buyers[who % buyers.length];
        vm.prank(b);
        uint256 purchaseId = keyswarm.purchase{value: l.token == address(0) ? l.price : 0}(
            id, w.publicKeyX, w.publicKeyY, vm.addr(_receiptSecret(s)), l.price
        );
        sessionOf[purchaseId] = s;
        buyerOf[purchaseId] = b;
        calls["buy"]++;
    }

    function deliver(uint256 seed, bool rightKey) external {
        (uint256 purchaseId, IKeyswarm.PurchaseInfo memory info) = _find(seed, IKeyswarm.PurchaseState.Pending);
        if (purchaseId == 0) return;
        IKeyswarm.Listing memory l = keyswarm.listings(info.contentId);
        Vm.Wallet memory b = vm.createWallet(sessionOf[purchaseId]);
        uint256 c = l.creator == creators[0] ? deliverySecrets[0] : deliverySecrets[1];
        address shared =
            ecrecover(bytes32(0), uint8(27 + (b.publicKeyY & 1)), bytes32(b.publicKeyX), bytes32(mulmod(c, b.publicKeyX, N)));
        bytes32 key = rightKey ? KEY : keccak256(abi.encode(seed));
        bytes32 sealedKey = key ^ keccak256(abi.encode(shared, purchaseId));
        vm.prank(l.creator);
        keyswarm.deliver(purchaseId, sealedKey);
        sealedKeyOf[purchaseId] = sealedKey;
        calls["deliver"]++;
    }

    function refund(uint256 seed) external {
        (uint256 purchaseId,) = _find(seed, IKeyswarm.PurchaseState.Expired);
        if (purchaseId == 0) return;
        vm.prank(buyerOf[purchaseId]);
        keyswarm.refund(purchaseId, vm.addr(sessionOf[purchaseId]));
        ghostRefunded[purchaseId] = true;
        calls["refund"]++;
    }

    function dispute(uint256 seed) external {
        (uint256 purchaseId,) = _find(seed, IKeyswarm.PurchaseState.Delivered);
        if (purchaseId == 0) return;
        vm.prank(buyerOf[purchaseId]);
        try keyswarm.dispute(purchaseId, sessionOf[purchaseId], sealedKeyOf[purchaseId]) {
            ghostRefunded[purchaseId] = true;
            calls["dispute"]++;
        } catch (bytes memory err) {
            // The only acceptable refusal: the key was right.
            // forge-lint: disable-next-line(unsafe-typecast) -- a revert's selector is its first 4 bytes
            require(bytes4(err) == IKeyswarm.KeyswarmKeyIsValid.selector, "dispute failed otherwise");
            calls["dispute refused"]++;
        }
    }

    function settle(uint256 seed) external {
        (uint256 purchaseId,) = _find(seed, IKeyswarm.PurchaseState.Settled);
        if (purchaseId == 0 || ghostSettled[purchaseId]) return;
        keyswarm.settle(purchaseId);
        ghostSettled[purchaseId] = true;
        calls["settle"]++;
    }

    function claim(uint256 seed, uint256 who, uint64 bytes_) external {
        (uint256 purchaseId, IKeyswarm.PurchaseInfo memory info) = _find(seed, IKeyswarm.PurchaseState.Settled);
        if (purchaseId == 0 || block.timestamp > info.claimDeadline) return;
        address to = seeders[who % seeders.length];
        IKeyswarm.Listing memory l = keyswarm.listings(info.contentId);
        uint64 count = uint64(_bound(bytes_, 0, uint256(l.size) * 2));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_receiptSecret(sessionOf[purchaseId]), keyswarm.receiptDigest(purchaseId, to, count));
        vm.prank(to);
        keyswarm.claim(purchaseId, to, count, abi.encodePacked(r, s, v));
        ghostSettled[purchaseId] = true;
        calls["claim"]++;
    }

    /// @dev Three ids from anywhere (some unknown): settleMany settles what is due and skips the rest.
    function settleMany(uint256 seed) external {
        uint256[] memory ids = _anyIds(seed);
        uint256 due;
        for (uint256 i; i < ids.length; ++i) {
            if (keyswarm.purchaseState(ids[i]) == IKeyswarm.PurchaseState.Settled && !ghostSettled[ids[i]]) {
                ghostSettled[ids[i]] = true;
                ++due;
            }
        }
        require(keyswarm.settleMany(ids) == due, "settleMany settled other than what was due");
        calls["settleMany"]++;
    }

    /// @dev Three ids from anywhere: sweepMany sweeps what is past its claim window and skips the rest.
    function sweepMany(uint256 seed) external {
        uint256[] memory ids = _anyIds(seed);
        for (uint256 i; i < ids.length; ++i) {
            IKeyswarm.PurchaseInfo memory info = keyswarm.purchases(ids[i]);
            if (info.state == IKeyswarm.PurchaseState.Settled && block.timestamp > info.claimDeadline) {
                ghostSettled[ids[i]] = true;
            }
        }
        keyswarm.sweepMany(ids);
        calls["sweepMany"]++;
    }

    function sweep(uint256 seed) external {
        (uint256 purchaseId, IKeyswarm.PurchaseInfo memory info) = _find(seed, IKeyswarm.PurchaseState.Settled);
        if (purchaseId == 0 || block.timestamp <= info.claimDeadline) return;
        try keyswarm.sweep(purchaseId) {
            ghostSettled[purchaseId] = true;
            calls["sweep"]++;
        } catch (bytes memory err) {
            // forge-lint: disable-next-line(unsafe-typecast) -- a revert's selector is its first 4 bytes
            require(bytes4(err) == IKeyswarm.KeyswarmNothingToSweep.selector, "sweep failed otherwise");
        }
    }

    function withdraw(uint256 who, bool inToken) external {
        address[4] memory payees = [creators[0], creators[1], seeders[0], seeders[1]];
        address account = payees[who % 4];
        address token = inToken ? address(usd) : address(0);
        if (keyswarm.balanceOf(account, token) == 0) return;
        vm.prank(account);
        keyswarm.withdraw(token);
        calls["withdraw"]++;
    }

    /// @dev Mostly minutes, so purchases meet every window; now and then past a claim window.
    function passTime(uint256 seconds_) external {
        if (seconds_ % 10 == 0) vm.warp(block.timestamp + 31 days);
        else vm.warp(block.timestamp + _bound(seconds_, 1, 40 minutes));
    }

    // ------------------------------------------------------------ for the invariants

    /// @notice What the contract owes in `token`: open escrows, unclaimed pools, balances.
    function owed(address token) external view returns (uint256 total) {
        uint256 count = keyswarm.purchaseCount();
        for (uint256 id = 1; id <= count; ++id) {
            IKeyswarm.PurchaseInfo memory info = keyswarm.purchases(id);
            IKeyswarm.Listing memory l = keyswarm.listings(info.contentId);
            if (l.token != token) continue;
            if (info.state == IKeyswarm.PurchaseState.Refunded || info.state == IKeyswarm.PurchaseState.Disputed) continue;
            // Only settle, claim and sweep settle on chain, and the handler marks each success.
            if (!ghostSettled[id]) {
                total += info.amount; // not settled on chain yet: the whole escrow
            } else {
                total += info.amount * l.seedShareBps / 10_000 - info.paidOut; // the pool left
            }
        }
        for (uint256 i; i < creators.length; ++i) total += keyswarm.balanceOf(creators[i], token);
        for (uint256 i; i < seeders.length; ++i) total += keyswarm.balanceOf(seeders[i], token);
    }

    /// @dev The first purchase in `state`, scanning from a random start; 0 if there is none.
    function _find(uint256 seed, IKeyswarm.PurchaseState state)
        internal
        view
        returns (uint256 purchaseId, IKeyswarm.PurchaseInfo memory info)
    {
        uint256 count = keyswarm.purchaseCount();
        for (uint256 i; i < count; ++i) {
            purchaseId = (seed % count + i) % count + 1;
            info = keyswarm.purchases(purchaseId);
            if (info.state == state) return (purchaseId, info);
        }
        return (0, info);
    }

    /// @dev Each session secret's receipt key: a key apart from it, as the app derives one.
    function _receiptSecret(uint256 sessionSecret) internal pure returns (uint256) {
        return sessionSecret + 0x1000;
    }

    /// @dev Three purchase ids from a seed, one past the last purchase (unknown), repeats possible.
    function _anyIds(uint256 seed) internal view returns (uint256[] memory ids) {
        uint256 count = keyswarm.purchaseCount() + 1;
        ids = new uint256[](3);
        for (uint256 i; i < 3; ++i) {
            ids[i] = uint256(keccak256(abi.encode(seed, i))) % count + 1;
        }
    }

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        return min + x % (max - min + 1);
    }
}

/// @notice Invariants: solvency per token, no purchase both refunded and settled, paid bytes and
/// paid amounts within each purchase's size and pool.
contract KeyswarmInvariantTest is Test {
    Keyswarm internal keyswarm;
    MockStablecoin internal usd;
    KeyswarmHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        keyswarm = new Keyswarm(1 hours, 1 hours, 30 days);
        usd = new MockStablecoin();
        handler = new KeyswarmHandler(keyswarm, usd);
        targetContract(address(handler));
    }

    /// @dev The handler can reach every action (the campaign itself only shows calls, not effects).
    function test_HandlerDrivesEveryAction() public {
        handler.list(0, 1 ether, 2_000, 1_000_000, false);
        handler.list(1, 5e6, 5_000, 1_000_000, true);
        for (uint256 i; i < 6; ++i) handler.buy(i, i, i);
        handler.deliver(0, true);
        handler.deliver(1, false);
        handler.deliver(2, true);
        handler.dispute(1); // the wrong key
        for (uint256 i; i < 4; ++i) handler.passTime(39 minutes + 59); // past every delivery and dispute deadline
        handler.refund(3);
        handler.settle(0);
        handler.settleMany(1);
        handler.claim(2, 0, 600_000);
        handler.passTime(10); // a multiple of 10: past the claim windows
        handler.sweep(0);
        handler.sweepMany(1);
        handler.withdraw(0, false);
        string[11] memory actions = [
            "list", "buy", "deliver", "dispute", "refund", "settle", "settleMany", "claim", "sweep", "sweepMany", "withdraw"
        ];
        for (uint256 i; i < actions.length; ++i) {
            assertTrue(handler.calls(bytes32(bytes(actions[i]))) > 0, actions[i]);
        }
        invariant_HoldsWhatItOwesInEthAndToken();
        invariant_NoPurchaseIsBothRefundedAndSettled();
        invariant_PaidBytesAndAmountsStayWithinSizeAndPool();
    }

    function invariant_HoldsWhatItOwesInEthAndToken() public view {
        // Equal, not merely enough: the handler never sends the contract anything it does not owe back.
        assertEq(address(keyswarm).balance, handler.owed(address(0)), "ETH: balance != escrows + pools + balances");
        assertEq(usd.balanceOf(address(keyswarm)), handler.owed(address(usd)), "token: balance != escrows + pools + balances");
    }

    function invariant_NoPurchaseIsBothRefundedAndSettled() public view {
        uint256 count = keyswarm.purchaseCount();
        for (uint256 id = 1; id <= count; ++id) {
            assertFalse(handler.ghostRefunded(id) && handler.ghostSettled(id), "refunded and settled");
            IKeyswarm.PurchaseState state = keyswarm.purchaseState(id);
            if (handler.ghostRefunded(id)) {
                assertTrue(
                    state == IKeyswarm.PurchaseState.Refunded || state == IKeyswarm.PurchaseState.Disputed,
                    "a refunded purchase changed state"
                );
            }
            if (handler.ghostSettled(id)) assertTrue(state == IKeyswarm.PurchaseState.Settled, "a settled purchase changed state");
        }
    }

    function invariant_PaidBytesAndAmountsStayWithinSizeAndPool() public view {
        uint256 count = keyswarm.purchaseCount();
        for (uint256 id = 1; id <= count; ++id) {
            IKeyswarm.PurchaseInfo memory info = keyswarm.purchases(id);
            IKeyswarm.Listing memory l = keyswarm.listings(info.contentId);
            assertLe(info.paidBytes, l.size, "paid bytes exceed the size");
            assertLe(info.paidOut, info.amount * l.seedShareBps / 10_000, "paid out more than the pool");
        }
    }
}
