/**
 * A realistic runbook of about `bytes` bytes for the parse benchmark: sections with fields, cast sends
 * and calls with continuations and `# Expected:` comments, severity and alert tables, checklists, waits,
 * numbered steps and a template, repeated with numbered headings so anchors stay unique-ish.
 */

function chunk(index: number): string {
  return `## ${index}. Bridge Pause / Unpause (Bridge${index})

**Contract:** \`Bridge${index}.sol\`  
**When:** Bridge exploit, relay compromise, attestation anomaly  
**Severity:** P1

### Pause the Bridge ${index}

**Who:** \`EMERGENCY_ROLE\` holder

\`\`\`bash
# Using cast (Foundry)
cast send $BRIDGE_${index} "pause()" \\
  --rpc-url $RPC_URL \\
  --private-key $EMERGENCY_KEY

# Verify
cast call $BRIDGE_${index} "paused()(bool)" --rpc-url $RPC_URL
# Expected: true
\`\`\`

### Unpause the Bridge ${index} (24h Timelock)

\`\`\`bash
# Step 1: Request unpause (starts 24h clock)
cast send $BRIDGE_${index} "requestUnpause()" --rpc-url $RPC_URL --private-key $ADMIN_KEY

# Step 2: Wait 24 hours (UNPAUSE_DELAY = 24 hours)

# Step 3: Execute unpause
cast send $BRIDGE_${index} "executeUnpause()" --rpc-url $RPC_URL --private-key $ADMIN_KEY
ROLE=$(cast keccak "GUARDIAN_ROLE")
cast send $BRIDGE_${index} "grantRole(bytes32,address)" $ROLE <NEW_GUARDIAN> --rpc-url $RPC_URL
cast send <ESCROW_ADDRESS> "emergencyReduceCap(uint,string)" <new_cap> "Reason: forged attestation" --rpc-url $RPC_URL
\`\`\`

### Pre-unpause Checklist ${index}

- [ ] Relay service restarted and healthy
- [x] Validator nodes all online and signing
- [ ] 24h timelock has elapsed
- [ ] Rate limit counters reviewed (\`getNetDailyCapIncrease()\`)

### Classification ${index}

| Severity | Definition | Response Time | Examples |
|----------|-----------|---------------|----------|
| P1 — Critical | Active exploit, fund loss | Immediate (<15 min) | Unauthorized minting |
| P2 — High | Service degraded | <1 hour | Oracle stale |
| P3 — Medium | Degraded UX | <4 hours | Frontend errors |
| P4 — Low | Cosmetic | Next business day | Log noise |

### Immediate Actions ${index}

1. **Check pod status:**
   \`\`\`bash
   kubectl get pods -n musd-canton -l app=postgres
   docker compose -f relay/docker-compose.yml logs relay --tail=50
   \`\`\`
2. **If the feed is stale, admin can reset:**
   \`\`\`bash
   cast send $PRICE_ORACLE "updatePrice(address)" $TOKEN_ADDRESS \\
     --rpc-url $RPC_URL \\
     --private-key $ORACLE_ADMIN_KEY
   \`\`\`
3. Wait 5 minutes for the relay to catch up

### Communication Template ${index}

\`\`\`
INCIDENT: [Title]
Severity: P[1-4]
Status: Investigating / Mitigating / Resolved
\`\`\`

| Alert | Condition | Runbook Section |
|-------|-----------|-----------------|
| \`BridgePaused${index}\` | \`Bridge.paused() == true\` | §${index} |
| \`RelayLagging${index}\` | \`relay_last_attestation_age > 600s\` | §${index} |

`;
}

export function generateLargeRunbook(bytes: number): string {
  const parts = ["# Operational Runbooks — Generated\n\n"];
  let size = parts[0]!.length;
  for (let index = 1; size < bytes; index++) {
    const part = chunk(index);
    parts.push(part);
    size += part.length;
  }
  return parts.join("");
}
