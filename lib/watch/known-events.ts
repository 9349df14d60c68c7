import { parseAbi } from "viem";

/**
 * Events the watcher decodes without a contract ABI: the admin surface of OpenZeppelin's Pausable,
 * AccessControl, Ownable, ERC-1967 proxies and TimelockController, and Safe v1.4.1 (SafeL2 included).
 * A registry contract's own ABI is tried first (its indexing wins); these fill the gaps.
 */
export const KNOWN_EVENTS_ABI = parseAbi([
  // Pausable
  "event Paused(address account)",
  "event Unpaused(address account)",
  // AccessControl
  "event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)",
  "event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)",
  "event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)",
  // Ownable
  "event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)",
  // ERC-1967
  "event Upgraded(address indexed implementation)",
  "event AdminChanged(address previousAdmin, address newAdmin)",
  "event BeaconUpgraded(address indexed beacon)",
  // TimelockController
  "event CallScheduled(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data, bytes32 predecessor, uint256 delay)",
  "event CallExecuted(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data)",
  "event Cancelled(bytes32 indexed id)",
  "event MinDelayChange(uint256 oldDuration, uint256 newDuration)",
  // Safe v1.4.1
  "event ExecutionSuccess(bytes32 indexed txHash, uint256 payment)",
  "event ExecutionFailure(bytes32 indexed txHash, uint256 payment)",
  "event AddedOwner(address indexed owner)",
  "event RemovedOwner(address indexed owner)",
  "event ChangedThreshold(uint256 threshold)",
  "event ChangedGuard(address indexed guard)",
  "event EnabledModule(address indexed module)",
  "event DisabledModule(address indexed module)",
  "event ChangedFallbackHandler(address indexed handler)",
  "event ApproveHash(bytes32 indexed approvedHash, address indexed owner)",
  "event SignMsg(bytes32 indexed msgHash)",
  "event ExecutionFromModuleSuccess(address indexed module)",
  "event ExecutionFromModuleFailure(address indexed module)",
  "event SafeMultiSigTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures, bytes additionalInfo)",
  "event SafeModuleTransaction(address module, address to, uint256 value, bytes data, uint8 operation)",
  "event SafeReceived(address indexed sender, uint256 value)",
  "event SafeSetup(address indexed initiator, address[] owners, uint256 threshold, address initializer, address fallbackHandler)",
]);

/** Safe events that change who can sign or what can act for the Safe: pre-signed kits must be re-checked. */
export const SAFE_CONFIG_EVENTS: ReadonlySet<string> = new Set([
  "AddedOwner",
  "RemovedOwner",
  "ChangedThreshold",
  "ChangedGuard",
  "EnabledModule",
  "DisabledModule",
  "ChangedFallbackHandler",
]);

export const SAFE_EXECUTION_EVENTS: ReadonlySet<string> = new Set(["ExecutionSuccess", "ExecutionFailure"]);
