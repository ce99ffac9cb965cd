// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {KeyswarmBase} from "./utils/KeyswarmBase.sol";
import {Keyswarm} from "../src/Keyswarm.sol";
import {IKeyswarm} from "../src/IKeyswarm.sol";
import {Vm} from "./utils/Vm.sol";

/// @notice One test per gas ceiling of the issue. Each measured call is the last call of its test and
/// is recorded with `snapshotGasLastCall` into contracts/snapshots/KeyswarmGasTest.json. Run with
/// `--isolate` (scripts/gas.ts does) so every call is its own transaction and the figure is the
/// whole transaction's gas, intrinsic and calldata included, as the gas report shows it.
/// Scenarios are the steady state of a live listing, not the seeder's first payout; a listing's first
/// sale is measured too and has the same ceiling (its counters share the slot `list` writes).
contract KeyswarmGasTest is KeyswarmBase {
    uint256 internal ethListing;
    uint256 internal usdListing;

    function setUp() public override {
        super.setUp();
        ethListing = _listEth();
        usdListing = _listUsd();
        // Warm the counters a live listing and creator already have.
        _buy(ethListing);
        _buy(usdListing);
    }

    function test_Gas_List() public {
        IKeyswarm.ListingParams memory p = _params(address(0), PRICE, SHARE, SIZE);
        p.infoHash = bytes20(keccak256("another torrent"));
        vm.prank(creator);
        keyswarm.list(p);
        vm.snapshotGasLastCall("list");
    }

    function test_Gas_PurchaseEth() public {
        _buyAs(buyer, ethListing, vm.createWallet(0xB2));
        vm.snapshotGasLastCall("purchase ETH");
    }

    function test_Gas_PurchaseEthFirstSale() public {
        uint256 fresh = _list(address(0), PRICE, SHARE, SIZE);
        _buyAs(buyer, fresh, vm.createWallet(0xB2));
        vm.snapshotGasLastCall("purchase ETH, first sale");
    }

    function test_Gas_PurchaseErc20FirstSale() public {
        uint256 fresh = _list(address(usd), USD_PRICE, SHARE, SIZE);
        _buyAs(buyer, fresh, vm.createWallet(0xB2));
        vm.snapshotGasLastCall("purchase ERC-20, first sale");
    }

    function test_Gas_PurchaseErc20() public {
        _buyAs(buyer, usdListing, vm.createWallet(0xB2));
        vm.snapshotGasLastCall("purchase ERC-20");
    }

    function test_Gas_Deliver() public {
        uint256 id = _buy(ethListing);
        bytes32 sealedKey = _sealed(id);
        vm.prank(creator);
        keyswarm.deliver(id, sealedKey);
        vm.snapshotGasLastCall("deliver");
    }

    function test_Gas_DeliverMany10() public {
        uint256[] memory ids = new uint256[](10);
        bytes32[] memory sealedKeys = new bytes32[](10);
        for (uint256 i; i < 10; ++i) {
            ids[i] = _buy(ethListing);
            sealedKeys[i] = _sealed(ids[i]);
        }
        vm.prank(creator);
        keyswarm.deliverMany(ids, sealedKeys);
        vm.snapshotGasLastCall("deliverMany (10 items)");
    }

    function test_Gas_Dispute() public {
        uint256 id = _buy(ethListing);
        bytes32 sealedKey = keccak256("not the sealed key");
        vm.prank(creator);
        keyswarm.deliver(id, sealedKey);
        vm.prank(buyer);
        keyswarm.dispute(id, sessionSecret, sealedKey);
        vm.snapshotGasLastCall("dispute");
    }

    function test_Gas_Claim() public {
        // The seeder already holds a balance from an earlier purchase; this is its first receipt here.
        uint256 earlier = _buySettled(ethListing);
        _claim(earlier, seeder, SIZE / 4);
        uint256 id = _buySettled(ethListing);
        _claim(id, vm.addr(0x5EED2), SIZE / 4);
        bytes memory sig = _receipt(receiptSecret, id, seeder, SIZE / 2);
        vm.prank(seeder);
        keyswarm.claim(id, seeder, SIZE / 2, sig);
        vm.snapshotGasLastCall("claim");
    }

    function test_Gas_ClaimMany10() public {
        // Ten settled purchases; the seeder already holds a balance, and each purchase has paid another
        // seeder before, as in `test_Gas_Claim`.
        _claim(_buySettled(ethListing), seeder, SIZE / 4);
        IKeyswarm.Claim[] memory claims = new IKeyswarm.Claim[](10);
        uint256[] memory ids = new uint256[](10);
        for (uint256 i; i < 10; ++i) ids[i] = _buyDelivered(ethListing);
        _afterDisputeWindow(ids[9]);
        keyswarm.settleMany(ids);
        for (uint256 i; i < 10; ++i) {
            _claim(ids[i], vm.addr(0x5EED2), SIZE / 4);
            claims[i] = IKeyswarm.Claim(ids[i], seeder, SIZE / 2, _receipt(receiptSecret, ids[i], seeder, SIZE / 2));
        }
        vm.prank(seeder);
        keyswarm.claimMany(claims);
        vm.snapshotGasLastCall("claimMany (10 items)");
    }
}
