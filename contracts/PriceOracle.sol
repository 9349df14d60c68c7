// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @notice The slice of Chainlink's AggregatorV3Interface the oracle reads.
interface IPriceFeed {
    function decimals() external view returns (uint8);
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}

/// @title PriceOracle (Breakglass demo)
/// @notice Caches feed prices (18 decimals) with a staleness check and a deviation circuit breaker, following
///         the mUSD runbook §4: anyone refreshes, a keeper resets a tripped breaker, the oracle admin swaps feeds.
contract PriceOracle is AccessControl {
    bytes32 public constant ORACLE_ADMIN_ROLE = keccak256("ORACLE_ADMIN_ROLE");
    bytes32 public constant KEEPER_ROLE = keccak256("KEEPER_ROLE");
    /// @notice A move larger than this (in basis points) trips the breaker instead of updating the price.
    uint256 public constant MAX_DEVIATION_BPS = 2_000;

    struct FeedConfig {
        address feed;
        uint256 stalePeriod;
        uint8 tokenDecimals;
    }

    mapping(address token => FeedConfig) public feeds;
    mapping(address token => uint256) public lastUpdated;
    mapping(address token => bool) public circuitBreakerTripped;
    mapping(address token => uint256) private _prices;

    event FeedSet(address indexed token, address indexed feed, uint256 stalePeriod, uint8 tokenDecimals);
    event PriceUpdated(address indexed token, uint256 price);
    event CircuitBreakerTripped(address indexed token, uint256 lastPrice, uint256 feedPrice);
    event PriceReset(address indexed token, address indexed by, uint256 price);

    error FeedNotSet(address token);
    error InvalidFeed();
    error InvalidPrice(int256 answer);
    error StalePrice(address token, uint256 updatedAt);
    error CircuitBreakerActive(address token);

    constructor() {
        _grantRole(DEFAULT_ADMIN_ROLE, msg.sender);
    }

    function setFeed(address token, address feed, uint256 stalePeriod, uint8 tokenDecimals)
        external
        onlyRole(ORACLE_ADMIN_ROLE)
    {
        if (feed == address(0) || stalePeriod == 0) revert InvalidFeed();
        feeds[token] = FeedConfig(feed, stalePeriod, tokenDecimals);
        emit FeedSet(token, feed, stalePeriod, tokenDecimals);
    }

    /// @notice Permissionless refresh. Records block.timestamp as the last update; a large move trips the
    ///         breaker instead of reverting, so the tripped state persists for the keeper to see.
    function updatePrice(address token) external {
        uint256 price = _readFeed(token);
        uint256 previous = _prices[token];
        if (previous != 0 && _deviationBps(previous, price) > MAX_DEVIATION_BPS) {
            circuitBreakerTripped[token] = true;
            emit CircuitBreakerTripped(token, previous, price);
            return;
        }
        _store(token, price);
        emit PriceUpdated(token, price);
    }

    /// @notice Accepts the feed's current price after a human checked it was legitimate, clearing the breaker.
    function keeperResetPrice(address token) external onlyRole(KEEPER_ROLE) {
        uint256 price = _readFeed(token);
        circuitBreakerTripped[token] = false;
        _store(token, price);
        emit PriceReset(token, msg.sender, price);
    }

    function getPrice(address token) external view returns (uint256) {
        FeedConfig memory config = feeds[token];
        if (config.feed == address(0)) revert FeedNotSet(token);
        if (circuitBreakerTripped[token]) revert CircuitBreakerActive(token);
        uint256 updatedAt = lastUpdated[token];
        if (updatedAt == 0 || block.timestamp - updatedAt > config.stalePeriod) revert StalePrice(token, updatedAt);
        return _prices[token];
    }

    function _readFeed(address token) private view returns (uint256) {
        FeedConfig memory config = feeds[token];
        if (config.feed == address(0)) revert FeedNotSet(token);
        IPriceFeed feed = IPriceFeed(config.feed);
        (, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        if (answer <= 0) revert InvalidPrice(answer);
        if (block.timestamp - updatedAt > config.stalePeriod) revert StalePrice(token, updatedAt);
        return uint256(answer) * 10 ** (18 - uint256(feed.decimals()));
    }

    function _store(address token, uint256 price) private {
        _prices[token] = price;
        lastUpdated[token] = block.timestamp;
    }

    function _deviationBps(uint256 a, uint256 b) private pure returns (uint256) {
        uint256 diff = a > b ? a - b : b - a;
        return (diff * 10_000) / a;
    }
}
