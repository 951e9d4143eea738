using Actinf.Causal.Inference;
using Actinf.Causal.Networks;
using Actinf.Causal.Tests.Oracle;

namespace Actinf.Causal.Tests.Inference;

public class ClampsTests
{
    private static readonly BayesianNetwork Sprinkler = SmallNetworks.Sprinkler();

    /// <summary>Invalid clamps and a fragment their error message must contain.</summary>
    public static TheoryData<string, string> InvalidClamps() => new()
    {
        { "unknown-variable-observed", "unknown variable 'hail'" },
        { "unknown-variable-intervention", "unknown variable 'hail'" },
        { "unknown-variable-likelihood", "unknown variable 'hail'" },
        { "unknown-state-observed", "unknown state 'maybe' of 'rain'" },
        { "unknown-state-intervention", "unknown state 'maybe' of 'sprinkler'" },
        { "wrong-length-likelihood", "has 3 entries; 'wet' has 2 states" },
        { "wrong-length-soft-intervention", "has 1 entries; 'rain' has 2 states" },
        { "negative-likelihood", "entry -0.5" },
        { "nan-soft-intervention", "entry NaN" },
        { "all-zero-likelihood", "all zeros" },
        { "soft-intervention-sum", "sums to 0.9" },
    };

    [Theory]
    [MemberData(nameof(InvalidClamps))]
    public void Validate_InvalidClamp_ThrowsArgumentExceptionNamingTheProblem(string name, string fragment)
    {
        Clamps clamps = Make(name);

        ArgumentException e = Assert.Throws<ArgumentException>(() => clamps.Validate(Sprinkler));

        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidClamps))]
    public void Query_InvalidClamp_ThrowsArgumentExceptionNamingTheProblem(string name, string fragment)
    {
        var engine = new ExactInference(Sprinkler);
        Clamps clamps = Make(name);

        ArgumentException query = Assert.ThrowsAny<ArgumentException>(() => engine.Query(["rain"], clamps));
        ArgumentException joint = Assert.ThrowsAny<ArgumentException>(() => engine.Joint(["rain"], clamps));
        ArgumentException logZ = Assert.ThrowsAny<ArgumentException>(() => engine.LogEvidenceProbability(clamps));
        ArgumentException mpe = Assert.ThrowsAny<ArgumentException>(() => engine.MostProbableExplanation(clamps));

        Assert.Contains(fragment, query.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, joint.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, logZ.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, mpe.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_UnknownTarget_ThrowsArgumentExceptionNamingIt()
    {
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => new ExactInference(Sprinkler).Query(["hail"]));

        Assert.Contains("hail", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("observe")]
    [InlineData("intervene")]
    [InlineData("likelihood")]
    [InlineData("soft-intervene")]
    public void Claim_VariableClampedTwice_ThrowsArgumentExceptionNamingIt(string second)
    {
        var clamps = new Clamps().Observe("rain", "yes");

        ArgumentException e = Assert.Throws<ArgumentException>(() => _ = second switch
        {
            "observe" => clamps.Observe("rain", "no"),
            "intervene" => clamps.Intervene("rain", "no"),
            "likelihood" => clamps.Likelihood("rain", 1, 2),
            _ => clamps.SoftIntervene("rain", 0.5, 0.5),
        });

        Assert.Equal("variable", e.ParamName);
        Assert.Contains("'rain' is already clamped", e.Message, StringComparison.Ordinal);
        Assert.Equal("yes", Assert.Single(clamps.Observed).Value);
    }

    [Fact]
    public void SoftClamp_StrengthNine_StateGetsStrengthOthersShareTheRest()
    {
        BayesianNetwork three = SmallNetworks.MapIsNotMpe();

        Clamps clamps = new Clamps().SoftClamp("B", "b1", 0.9, three).SoftClamp("A", "a0", 0.9, three);

        Assert.Equal([0.05, 0.9, 0.05], clamps.Likelihoods["B"], (a, b) => Math.Abs(a - b) <= 1e-15);
        Assert.Equal([0.9, 0.1], clamps.Likelihoods["A"], (a, b) => Math.Abs(a - b) <= 1e-15);
        Assert.Equal(ClampType.Soft, clamps.TypeOf("A"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void SoftClamp_StrengthOutsideOpenUnitInterval_Throws(double strength)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new Clamps().SoftClamp("rain", "yes", strength, Sprinkler));

        Assert.Equal("strength", e.ParamName);
    }

    [Fact]
    public void TypeOf_EachClampKind_HardOrSoftOrFree()
    {
        var clamps = new Clamps().Observe("rain", "yes").Intervene("sprinkler", "no").Likelihood("wet", 1, 2);

        Assert.Equal(ClampType.Hard, clamps.TypeOf("rain"));
        Assert.Equal(ClampType.Hard, clamps.TypeOf("sprinkler"));
        Assert.Equal(ClampType.Soft, clamps.TypeOf("wet"));
        Assert.Null(new Clamps().TypeOf("wet"));
        Assert.Equal(ClampType.Soft, new Clamps().SoftIntervene("wet", 0.5, 0.5).TypeOf("wet"));
    }

    private static Clamps Make(string name) => name switch
    {
        "unknown-variable-observed" => new Clamps().Observe("hail", "yes"),
        "unknown-variable-intervention" => new Clamps().Intervene("hail", "yes"),
        "unknown-variable-likelihood" => new Clamps().Likelihood("hail", 1, 2),
        "unknown-state-observed" => new Clamps().Observe("rain", "maybe"),
        "unknown-state-intervention" => new Clamps().Intervene("sprinkler", "maybe"),
        "wrong-length-likelihood" => new Clamps().Likelihood("wet", 0.2, 0.3, 0.5),
        "wrong-length-soft-intervention" => new Clamps().SoftIntervene("rain", 1.0),
        "negative-likelihood" => new Clamps().Likelihood("wet", -0.5, 1),
        "nan-soft-intervention" => new Clamps().SoftIntervene("rain", double.NaN, 1),
        "all-zero-likelihood" => new Clamps().Likelihood("wet", 0, 0),
        "soft-intervention-sum" => new Clamps().SoftIntervene("rain", 0.5, 0.4),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
    };
}
