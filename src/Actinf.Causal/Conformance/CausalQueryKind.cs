namespace Actinf.Causal.Conformance;

/// <summary>
/// What a causal fixture query asks (the <c>kind</c> field of <c>causal-fixtures/1</c>,
/// docs/spec/causal-fixture-format.md).
/// </summary>
public enum CausalQueryKind
{
    /// <summary><c>marginal</c>: prior marginals, no clamps.</summary>
    Marginal,

    /// <summary><c>posterior</c>: posterior marginals under hard evidence.</summary>
    Posterior,

    /// <summary><c>joint</c>: posterior marginals and the joint table over the targets.</summary>
    Joint,

    /// <summary><c>do</c>: marginals after hard interventions do(X = x).</summary>
    Do,

    /// <summary><c>do_observe</c>: interventions and observations together (surgery first, evidence second).</summary>
    DoObserve,

    /// <summary><c>soft_evidence</c>: virtual evidence (likelihood vectors), possibly with hard evidence.</summary>
    SoftEvidence,

    /// <summary><c>soft_intervention</c>: stochastic interventions X ~ q.</summary>
    SoftIntervention,

    /// <summary><c>mpe</c>: the most probable explanation of every unobserved variable.</summary>
    Mpe,

    /// <summary><c>map</c>: marginal MAP over <see cref="CausalQuery.MapVariables"/>, the rest summed out.</summary>
    Map,
}

/// <summary>The fixture spelling of <see cref="CausalQueryKind"/> values.</summary>
public static class CausalQueryKinds
{
    /// <summary>Parses a fixture's <c>kind</c> string (<c>"do_observe"</c>, ...).</summary>
    /// <returns>False when <paramref name="text"/> is not one of the nine kinds.</returns>
    public static bool TryParse(string? text, out CausalQueryKind kind)
    {
        switch (text)
        {
            case "marginal": kind = CausalQueryKind.Marginal; return true;
            case "posterior": kind = CausalQueryKind.Posterior; return true;
            case "joint": kind = CausalQueryKind.Joint; return true;
            case "do": kind = CausalQueryKind.Do; return true;
            case "do_observe": kind = CausalQueryKind.DoObserve; return true;
            case "soft_evidence": kind = CausalQueryKind.SoftEvidence; return true;
            case "soft_intervention": kind = CausalQueryKind.SoftIntervention; return true;
            case "mpe": kind = CausalQueryKind.Mpe; return true;
            case "map": kind = CausalQueryKind.Map; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>The fixture spelling of <paramref name="kind"/> (<c>"do_observe"</c>, ...).</summary>
    public static string ToFixtureName(this CausalQueryKind kind) => kind switch
    {
        CausalQueryKind.Marginal => "marginal",
        CausalQueryKind.Posterior => "posterior",
        CausalQueryKind.Joint => "joint",
        CausalQueryKind.Do => "do",
        CausalQueryKind.DoObserve => "do_observe",
        CausalQueryKind.SoftEvidence => "soft_evidence",
        CausalQueryKind.SoftIntervention => "soft_intervention",
        CausalQueryKind.Mpe => "mpe",
        CausalQueryKind.Map => "map",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a causal query kind."),
    };
}
