// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

/// @title BLEBridgeV9 (Breakglass demo)
/// @notice A bridge-shaped contract with the emergency surface of the mUSD runbook §3: instant pause,
///         24h-timelocked unpause, and an emergency supply-cap reduction that still works while paused.
///         Attestations are NOT signature-checked here: the demo only needs the nonce and cap bookkeeping.
contract BLEBridgeV9 is AccessControl, Pausable {
    bytes32 public constant EMERGENCY_ROLE = keccak256("EMERGENCY_ROLE");
    uint256 public constant UNPAUSE_DELAY = 24 hours;

    uint256 public supplyCap;
    /// @notice Most the cap may grow through attestations in one rolling 24h window.
    uint256 public dailyCapIncreaseLimit;
    uint256 public unpauseRequestTime;

    uint256 private _nonce;
    uint256 private _windowStart;
    uint256 private _increasedInWindow;

    event UnpauseRequested(address indexed by, uint256 readyAt);
    event UnpauseRequestCancelled(address indexed by);
    event EmergencyCapReduced(address indexed by, uint256 oldCap, uint256 newCap, string reason);
    event AttestationSubmitted(address indexed by, uint256 indexed nonce, uint256 amount, uint256 newCap);

    error NoUnpauseRequest();
    error UnpauseDelayNotElapsed(uint256 readyAt);
    error CapNotReduced(uint256 current, uint256 proposed);
    error InvalidNonce(uint256 expected, uint256 provided);
    error DailyCapExceeded(uint256 remaining, uint256 requested);

    constructor(uint256 initialSupplyCap, uint256 initialDailyCapIncreaseLimit) {
        supplyCap = initialSupplyCap;
        dailyCapIncreaseLimit = initialDailyCapIncreaseLimit;
        _grantRole(DEFAULT_ADMIN_ROLE, msg.sender);
    }

    /// @notice Pauses the bridge. If it is already paused with an unpause pending, this cancels the request:
    ///         an emergency responder must be able to stop a recovery they no longer trust.
    function pause() external onlyRole(EMERGENCY_ROLE) {
        if (paused()) {
            if (unpauseRequestTime == 0) revert EnforcedPause();
            _cancelUnpauseRequest();
            return;
        }
        _pause();
    }

    function requestUnpause() external onlyRole(DEFAULT_ADMIN_ROLE) whenPaused {
        unpauseRequestTime = block.timestamp;
        emit UnpauseRequested(msg.sender, block.timestamp + UNPAUSE_DELAY);
    }

    /// @notice Anyone may execute once the delay has passed: the admin's decision was made at request time.
    function executeUnpause() external whenPaused {
        uint256 requestedAt = unpauseRequestTime;
        if (requestedAt == 0) revert NoUnpauseRequest();
        uint256 readyAt = requestedAt + UNPAUSE_DELAY;
        if (block.timestamp < readyAt) revert UnpauseDelayNotElapsed(readyAt);
        unpauseRequestTime = 0;
        _unpause();
    }

    /// @notice Deliberately not whenNotPaused: a forged attestation may have inflated the cap before the pause.
    function emergencyReduceCap(uint256 newCap, string calldata reason) external onlyRole(EMERGENCY_ROLE) {
        uint256 current = supplyCap;
        if (newCap >= current) revert CapNotReduced(current, newCap);
        supplyCap = newCap;
        emit EmergencyCapReduced(msg.sender, current, newCap, reason);
    }

    function submitAttestation(uint256 nonce, uint256 amount) external whenNotPaused {
        uint256 expected = _nonce + 1;
        if (nonce != expected) revert InvalidNonce(expected, nonce);
        if (block.timestamp >= _windowStart + 1 days) {
            _windowStart = block.timestamp;
            _increasedInWindow = 0;
        }
        uint256 remaining = _remainingInWindow();
        if (amount > remaining) revert DailyCapExceeded(remaining, amount);
        _nonce = nonce;
        _increasedInWindow += amount;
        supplyCap += amount;
        emit AttestationSubmitted(msg.sender, nonce, amount, supplyCap);
    }

    function currentNonce() external view returns (uint256) {
        return _nonce;
    }

    function getRemainingDailyCapLimit() external view returns (uint256) {
        if (block.timestamp >= _windowStart + 1 days) return dailyCapIncreaseLimit;
        return _remainingInWindow();
    }

    /// @notice Cap growth in the current window (runbook pre-unpause checklist reads this).
    function getNetDailyCapIncrease() external view returns (uint256) {
        if (block.timestamp >= _windowStart + 1 days) return 0;
        return _increasedInWindow;
    }

    function _remainingInWindow() private view returns (uint256) {
        uint256 used = _increasedInWindow;
        return used >= dailyCapIncreaseLimit ? 0 : dailyCapIncreaseLimit - used;
    }

    function _cancelUnpauseRequest() private {
        unpauseRequestTime = 0;
        emit UnpauseRequestCancelled(msg.sender);
    }
}
