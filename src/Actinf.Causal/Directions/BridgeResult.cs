namespace Actinf.Causal.Directions;

/// <summary>
/// Bridge inference: from an evidence group (the clamped variables) to a target group of other variables,
/// typically from another domain, through the unclamped nodes that connect the two groups.
/// </summary>
/// <remarks>
/// <see cref="DirectionalResult.Beliefs"/> lists the targets (in the order given) and then the connecting
/// nodes. A target that is not d-connected to the evidence group keeps its prior exactly.
/// </remarks>
public sealed class BridgeResult : DirectionalResult
{
    internal BridgeResult(int maxDepth, double logEvidenceProbability, VariableBelief[] beliefs, string[] evidenceGroup, BridgeTarget[] targets, VariableBelief[] connectingNodes)
        : base(InferenceDirection.Bridge, maxDepth, logEvidenceProbability, beliefs)
    {
        EvidenceGroup = evidenceGroup;
        Targets = targets;
        ConnectingNodes = connectingNodes;
    }

    /// <summary>The clamped variables, in declaration order.</summary>
    public IReadOnlyList<string> EvidenceGroup { get; }

    /// <summary>The target group, in the order given.</summary>
    public IReadOnlyList<BridgeTarget> Targets { get; }

    /// <summary>
    /// The connecting nodes: unclamped variables outside the target group that lie strictly inside a
    /// shortest skeleton path from the evidence group to some target, within the max depth of the evidence
    /// group; nearest to the evidence first (ties in declaration order).
    /// </summary>
    public IReadOnlyList<VariableBelief> ConnectingNodes { get; }
}

/// <summary>One target of a bridge query.</summary>
public sealed class BridgeTarget
{
    internal BridgeTarget(VariableBelief belief, bool isDConnected, string[] through)
    {
        Belief = belief;
        IsDConnected = isDConnected;
        Through = through;
    }

    /// <summary>The target's prior, posterior and change.</summary>
    public VariableBelief Belief { get; }

    /// <summary>The target's name.</summary>
    public string Name => Belief.Name;

    /// <summary>
    /// Whether the target is d-connected to the evidence group: whether its posterior can depend on the
    /// clamps at all. Decided by Bayes-ball with nothing observed, in the graph with the edges into
    /// intervened variables cut, from every clamped variable (a virtual-evidence clamp counts as the observed
    /// child it stands for). When false, the target is independent of the whole group, so its posterior
    /// equals its prior exactly.
    /// </summary>
    public bool IsDConnected { get; }

    /// <summary>Skeleton distance from the evidence group (edges in either direction); -1 when no path joins them.</summary>
    public int PathLength => Belief.Distance;

    /// <summary>
    /// The connecting nodes on the shortest skeleton paths from the evidence group to this target, nearest to
    /// the evidence first (empty when the target is adjacent to the group or not joined to it at all).
    /// </summary>
    public IReadOnlyList<string> Through { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
