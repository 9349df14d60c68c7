// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title MockPriceFeed (Breakglass demo only)
/// @notice A Chainlink-shaped feed whose answer anyone may set, so demos can stage stale or jumping prices.
///         Never deploy outside a local chain.
contract MockPriceFeed {
    uint8 public immutable decimals;
    int256 private _answer;
    uint256 private _updatedAt;
    uint80 private _roundId;

    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    constructor(uint8 feedDecimals, int256 initialAnswer) {
        decimals = feedDecimals;
        _setAnswer(initialAnswer);
    }

    function setAnswer(int256 answer) external {
        _setAnswer(answer);
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (_roundId, _answer, _updatedAt, _updatedAt, _roundId);
    }

    function _setAnswer(int256 answer) private {
        _roundId += 1;
        _answer = answer;
        _updatedAt = block.timestamp;
        emit AnswerUpdated(answer, _roundId, block.timestamp);
    }
}
