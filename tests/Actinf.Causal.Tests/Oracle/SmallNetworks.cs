using Actinf.Causal.Networks;

namespace Actinf.Causal.Tests.Oracle;

/// <summary>Hand-built networks whose answers the tests work out by hand.</summary>
internal static class SmallNetworks
{
    /// <summary>
    /// Rain -> sprinkler, (sprinkler, rain) -> wet grass; every variable has states (yes, no).
    /// P(rain = yes) = 0.2; P(sprinkler = yes | rain) = 0.01 (rain) or 0.4 (no rain);
    /// P(wet = yes | sprinkler, rain) = 0.99 (yes, yes), 0.9 (yes, no), 0.8 (no, yes), 0 (no, no).
    /// </summary>
    /// <remarks>
    /// Hand values used across the tests:
    /// P(wet = yes, rain = yes) = 0.2 (0.01 * 0.99 + 0.99 * 0.8) = 0.16038;
    /// P(wet = yes, rain = no) = 0.8 (0.4 * 0.9 + 0.6 * 0) = 0.288; so P(wet = yes) = 0.44838.
    /// P(sprinkler = yes) = 0.2 * 0.01 + 0.8 * 0.4 = 0.322.
    /// </remarks>
    public static BayesianNetwork Sprinkler() => new NetworkBuilder("sprinkler")
        .AddVariable("rain", "yes", "no")
        .AddVariable("sprinkler", "yes", "no")
        .AddVariable("wet", "yes", "no")
        .SetTable("rain", [], [0.2, 0.8])
        .SetRow("sprinkler", ["rain"], ["yes"], [0.01, 0.99])
        .SetRow("sprinkler", ["rain"], ["no"], [0.4, 0.6])
        .SetRow("wet", ["sprinkler", "rain"], ["yes", "yes"], [0.99, 0.01])
        .SetRow("wet", ["sprinkler", "rain"], ["yes", "no"], [0.9, 0.1])
        .SetRow("wet", ["sprinkler", "rain"], ["no", "yes"], [0.8, 0.2])
        .SetRow("wet", ["sprinkler", "rain"], ["no", "no"], [0.0, 1.0])
        .Build();

    /// <summary>
    /// A -> B with P(A) = (0.3, 0.7), P(B | a0) = (0.9, 0.1), P(B | a1) = (0.2, 0.8).
    /// </summary>
    public static BayesianNetwork TwoNodes() => new NetworkBuilder("two-nodes")
        .AddVariable("A", "a0", "a1")
        .AddVariable("B", "b0", "b1")
        .SetTable("A", [], [0.3, 0.7])
        .SetTable("B", ["A"], [0.9, 0.1, 0.2, 0.8])
        .Build();

    /// <summary>
    /// A -> B where MAP over A is not the MPE's A: P(A) = (0.4, 0.6), B | a0 is always b0 and B | a1 is
    /// uniform over three states. MPE = (a0, b0) with 0.4 (each (a1, b) has 0.2); MAP over A = a1 (0.6).
    /// </summary>
    public static BayesianNetwork MapIsNotMpe() => new NetworkBuilder("map-not-mpe")
        .AddVariable("A", "a0", "a1")
        .AddVariable("B", "b0", "b1", "b2")
        .SetTable("A", [], [0.4, 0.6])
        .SetTable("B", ["A"], [1.0, 0.0, 0.0, 1.0 / 3, 1.0 / 3, 1.0 / 3])
        .Build();
}
