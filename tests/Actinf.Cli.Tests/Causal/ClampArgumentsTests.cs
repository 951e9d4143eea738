using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Queries;
using Actinf.Cli.Causal;

namespace Actinf.Cli.Tests.Causal;

public sealed class ClampArgumentsTests
{
    private static readonly BayesianNetwork Network = new NetworkBuilder("grades")
        .AddVariable("score", "<5", ">=5", ">=7.5")
        .AddVariable("pass", "yes", "no")
        .SetTable("score", [], [0.2, 0.5, 0.3])
        .SetRow("pass", ["score"], ["<5"], [0.1, 0.9])
        .SetRow("pass", ["score"], [">=5"], [0.8, 0.2])
        .SetRow("pass", ["score"], [">=7.5"], [0.99, 0.01])
        .Build();

    [Fact]
    public void Build_StateContainingEquals_SplitsAtTheVariableName()
    {
        Clamps clamps = ClampArguments.Build(Network, ["score=>=7.5"], [], [], []);

        Assert.Equal(">=7.5", clamps.Observed["score"]);
    }

    [Fact]
    public void Build_EveryKind_MakesTheMatchingClamp()
    {
        Clamps clamps = ClampArguments.Build(Network, [], ["pass=no"], [], ["score=0.2,0.3,0.5"]);

        Assert.Equal("no", clamps.Interventions["pass"]);
        Assert.Equal([0.2, 0.3, 0.5], clamps.SoftInterventions["score"]);
        Assert.Equal([0.5, 1.0], ClampArguments.Build(Network, [], [], ["pass=0.5,1"], []).Likelihoods["pass"]);
    }

    [Theory]
    [InlineData("scor=<5", "--evidence scor=<5: unknown variable 'scor'", "did you mean 'score'?")]
    [InlineData("pass=Yes", "--evidence pass=Yes: 'pass' has no state 'Yes'", "did you mean 'yes'?")]
    public void Build_EvidenceTheNetworkDoesNotHave_ThrowsNamingTheItemAsTyped(string text, string start, string fragment)
    {
        CausalQueryException e = Assert.Throws<CausalQueryException>(() => ClampArguments.Build(Network, [text], [], [], []));

        Assert.StartsWith(start, e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EvidenceWithoutAnEqualsSign_ThrowsASyntaxError()
    {
        CausalArgumentException e = Assert.Throws<CausalArgumentException>(() => ClampArguments.Build(Network, ["=yes"], [], [], []));

        Assert.Contains("expected VARIABLE=STATE", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pass=0,0", "all zero")]
    [InlineData("pass=-1,2", "-1 (state 'yes') is not a finite non-negative number")]
    public void Build_BadLikelihood_ThrowsNamingTheProblem(string text, string fragment)
    {
        CausalQueryException e = Assert.Throws<CausalQueryException>(() => ClampArguments.Build(Network, [], [], [text], []));

        Assert.StartsWith($"--soft {text}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LikelihoodThatIsNotANumber_ThrowsASyntaxErrorNamingIt()
    {
        CausalArgumentException e = Assert.Throws<CausalArgumentException>(() => ClampArguments.Build(Network, [], [], ["pass=x,1"], []));

        Assert.Contains("'x' is not a number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_CommaListsAndRepeats_KeepOrder()
    {
        Assert.Equal(["pass", "score"], ClampArguments.Variables(Network, "--target", ["pass", "score"]));
        Assert.Equal(["score", "pass"], ClampArguments.Variables(Network, "--target", ["score, pass"]));
        Assert.Contains("listed twice", Assert.Throws<CausalQueryException>(() => ClampArguments.Variables(Network, "--target", ["pass,pass"])).Message, StringComparison.Ordinal);
    }
}
