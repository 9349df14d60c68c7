// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title GlobalPauseRegistry (Breakglass demo)
/// @notice Protocol-wide circuit breaker modelled on the mUSD runbook §2. Guardians pause; only the admin
///         unpauses, so a single compromised guardian cannot toggle the protocol back on (separation of duties).
contract GlobalPauseRegistry is AccessControl {
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");

    bool private _globallyPaused;

    event GlobalPaused(address indexed by);
    event GlobalUnpaused(address indexed by);

    error AlreadyPaused();
    error NotPaused();

    constructor() {
        // The deployer bootstraps the roles, hands them to multisigs and renounces (see deploy-demo.ts).
        _grantRole(DEFAULT_ADMIN_ROLE, msg.sender);
    }

    function pauseGlobal() external onlyRole(GUARDIAN_ROLE) {
        // Reverting (instead of a silent no-op) lets a console tell "I paused" from "someone already had".
        if (_globallyPaused) revert AlreadyPaused();
        _globallyPaused = true;
        emit GlobalPaused(msg.sender);
    }

    function unpauseGlobal() external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (!_globallyPaused) revert NotPaused();
        _globallyPaused = false;
        emit GlobalUnpaused(msg.sender);
    }

    function isGloballyPaused() external view returns (bool) {
        return _globallyPaused;
    }
}
