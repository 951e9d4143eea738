using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Queries;

namespace Actinf.Causal.Tests.Queries;

public sealed class CheckedClampsTests
{
    private static readonly BayesianNetwork Network = new NetworkBuilder("grades")
        .AddVariable("score", "low", "mid", "high")
        .AddVariable("pass", "yes", "no")
        .SetTable("score", [], [0.2, 0.5, 0.3])
        .SetRow("pass", ["score"], ["low"], [0.1, 0.9])
        .SetRow("pass", ["score"], ["mid"], [0.8, 0.2])
        .SetRow("pass", ["score"], ["high"], [0.99, 0.01])
        .Build();

    [Fact]
    public void EveryKind_MakesTheMatchingClamp()
    {
        var clamps = new CheckedClamps(Network);
        clamps.Observe("e", "pass", "no");
        clamps.SoftIntervene("s", "score", [0.2, 0.3, 0.5]);

        Assert.Equal("no", clamps.Clamps.Observed["pass"]);
        Assert.Equal([0.2, 0.3, 0.5], clamps.Clamps.SoftInterventions["score"]);

        var other = new CheckedClamps(Network);
        other.Intervene("d", "score", "high");
        other.Likelihood("l", "pass", [0.5, 1]);
        Assert.Equal("high", other.Clamps.Interventions["score"]);
        Assert.Equal([0.5, 1.0], other.Clamps.Likelihoods["pass"]);
    }

    public static TheoryData<Action<CheckedClamps>, string> Mistakes => new()
    {
        { c => c.Observe("evidence.scor", "scor", "low"), "evidence.scor: unknown variable 'scor' in network 'grades' (did you mean 'score'?)." },
        { c => c.Observe("evidence.zzz", "zzz", "low"), "evidence.zzz: unknown variable 'zzz' in network 'grades'." },
        { c => c.Intervene("do pass", "pass", "Yes"), "do pass: 'pass' has no state 'Yes' (states: yes, no); did you mean 'yes'?" },
        { c => c.Observe("e", "pass", null), "e: 'pass' has no state '' (states: yes, no)" },
        { c => c.Likelihood("soft", "pass", [1]), "soft: 1 value given; 'pass' has 2 states (yes, no): give one number per state, in that order." },
        { c => c.Likelihood("soft", "pass", null), "soft: 0 values given; 'pass' has 2 states" },
        { c => c.Likelihood("soft", "pass", [0, 0]), "soft: the likelihoods are all zero, which rules out every state of 'pass'." },
        { c => c.Likelihood("soft", "pass", [1, double.NaN]), "soft: NaN (state 'no') is not a finite non-negative number." },
        { c => c.SoftIntervene("q", "score", [0.5, -0.1, 0.6]), "q: -0.1 (state 'mid') is not a finite non-negative number." },
        { c => c.SoftIntervene("q", "score", [0.5, 0.2, 0.2]), "q: the distribution sums to 0.9; the probabilities of the 3 states of 'score' must sum to 1." },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Mistake_ThrowsAMessageStartingWithTheLabel(Action<CheckedClamps> add, string expected)
    {
        var clamps = new CheckedClamps(Network);
        CausalQueryException e = Assert.Throws<CausalQueryException>(() => add(clamps));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.Empty(clamps.Clamps.Variables);
    }

    [Fact]
    public void SecondClampOnAVariable_NamesBothItems()
    {
        var clamps = new CheckedClamps(Network);
        clamps.Observe("evidence.pass", "pass", "yes");
        CausalQueryException e = Assert.Throws<CausalQueryException>(() => clamps.Likelihood("soft_evidence.pass", "pass", [1, 2]));

        Assert.Equal("soft_evidence.pass: 'pass' is already clamped by evidence.pass; a variable takes one clamp per query.", e.Message);
        Assert.Equal(ClampType.Hard, clamps.Clamps.TypeOf("pass"));
    }

    [Fact]
    public void Variables_KeepOrderAndRejectRepeatsAndUnknowns()
    {
        var clamps = new CheckedClamps(Network);
        Assert.Equal(["pass", "score"], clamps.Variables("targets", ["pass", "score"]));
        Assert.Empty(clamps.Variables("targets", null));
        Assert.Equal("targets: variable 'pass' is listed twice.", Assert.Throws<CausalQueryException>(() => clamps.Variables("targets", ["pass", "pass"])).Message);
        Assert.StartsWith("map: unknown variable 'bogus'", Assert.Throws<CausalQueryException>(() => clamps.Variables("map", ["bogus"])).Message, StringComparison.Ordinal);
    }
}
