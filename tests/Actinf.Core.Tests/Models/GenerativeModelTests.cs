using Actinf.Core.Models;
using Actinf.Core.Tensors;

namespace Actinf.Core.Tests.Models;

public class GenerativeModelTests
{
    // A[o, s] for one factor of 2 states, 2 outcomes.
    private static readonly Tensor A = new([2, 2], [0.9, 0.1, 0.1, 0.9]);

    // B[s', s, u]: u = 0 stays, u = 1 swaps.
    private static readonly Tensor B = new([2, 2, 2], [1, 0, 0, 1, 0, 1, 1, 0]);

    [Fact]
    public void Constructor_MinimalModel_FillsDefaults()
    {
        var model = new GenerativeModel([A], [B]);

        Assert.Equal([2], model.NumObservations.ToArray());
        Assert.Equal([2], model.NumStates.ToArray());
        Assert.Equal([2], model.NumControls.ToArray());
        Assert.Equal(2, model.NumJointStates);
        Assert.Equal([0.0, 0.0], model.Preferences[0].ToArray());
        Assert.Equal([0.5, 0.5], model.InitialStatePrior[0].ToArray());
        Assert.Null(model.PolicyPrior);
        Assert.Null(model.LikelihoodConcentration);
        Assert.Equal([0, 1], model.Policies.Span.ToArray());
        Assert.Equal(1, model.Policies.Length);
        Assert.Equal(string.Empty, model.Name);
    }

    [Fact]
    public void Constructor_PdWithoutD_NormalisesPd()
    {
        var model = new GenerativeModel([A], [B], initialStateConcentration: [Tensor.Vector([1.0, 3.0])]);

        Assert.Equal([0.25, 0.75], model.InitialStatePrior[0].ToArray());
        Assert.Equal([1.0, 3.0], model.InitialStateConcentration![0].ToArray());
    }

    [Fact]
    public void Constructor_ColumnNotNormalised_NamesArrayModalityAndColumn()
    {
        var a = new Tensor([2, 2], [0.9, 0.1, 0.2, 0.9]);

        var ex = Assert.Throws<ModelValidationException>(() => new GenerativeModel([a], [B]));

        Assert.StartsWith("A[0] (modality 0) column [:, 0] sums to 1.1", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("normalise it over axis 0.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ColumnWithinTolerance_Accepted()
    {
        var a = new Tensor([2, 2], [0.9 + 1e-5, 0.1, 0.1, 0.9]);

        var model = new GenerativeModel([a], [B]);

        Assert.Equal(0.9 + 1e-5, model.Likelihood[0].Span[0]);
    }

    [Fact]
    public void Constructor_ColumnJustOutsideTolerance_Rejected()
    {
        var a = new Tensor([2, 2], [0.9 + 2e-5, 0.1, 0.1, 0.9]);

        Assert.Throws<ModelValidationException>(() => new GenerativeModel([a], [B]));
    }

    [Fact]
    public void Constructor_NegativeEntry_NamesEntry()
    {
        var b = new Tensor([2, 2, 2], [1.5, 0, 0, 1, -0.5, 1, 1, 0]);

        var ex = Assert.Throws<ModelValidationException>(() => new GenerativeModel([A], [b]));

        Assert.StartsWith("B[0] entry [1, 0, 0] is negative (-0.5)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NaNEntry_SaysEntriesMustBeFinite()
    {
        var a = new Tensor([2, 2], [double.NaN, 0.1, 0.1, 0.9]);

        var ex = Assert.Throws<ModelValidationException>(() => new GenerativeModel([a], [B]));

        Assert.Equal("A[0] entry [0, 0] is NaN; entries must be finite numbers.", ex.Message);
    }

    [Fact]
    public void Constructor_InfinitePreference_Rejected()
    {
        var ex = Assert.Throws<ModelValidationException>(
            () => new GenerativeModel([A], [B], preferences: [Tensor.Vector([0.0, double.PositiveInfinity])]));

        Assert.Equal("C[0] entry [1] is Infinity; entries must be finite numbers.", ex.Message);
    }

    [Fact]
    public void Constructor_ANotMatchingB_NamesExpectedShape()
    {
        var a = new Tensor([2, 3], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);

        var ex = Assert.Throws<ModelValidationException>(() => new GenerativeModel([a], [B]));

        Assert.StartsWith("A[0] has shape [2, 3]; expected [outcomes, 2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BNotSquare_NamesFactor()
    {
        var b = new Tensor([2, 3, 1], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);

        var ex = Assert.Throws<ModelValidationException>(() => new GenerativeModel([A], [b]));

        Assert.StartsWith("B[0] has shape [2, 3, 1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OneStateFactor_Rejected()
    {
        var b = new Tensor([1, 1, 1], [1.0]);
        var a = new Tensor([2, 1], [0.5, 0.5]);

        var ex = Assert.Throws<ModelValidationException>(() => new GenerativeModel([a], [b]));

        Assert.Equal("B[0] has 1 state(s); every factor needs at least 2 states.", ex.Message);
    }

    [Fact]
    public void Constructor_DNotNormalised_NamesFactor()
    {
        var ex = Assert.Throws<ModelValidationException>(
            () => new GenerativeModel([A], [B], initialStatePrior: [Tensor.Vector([0.5, 0.6])]));

        Assert.StartsWith("D[0] (factor 0) sums to 1.1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DWrongCount_NamesExpectedCount()
    {
        var ex = Assert.Throws<ModelValidationException>(
            () => new GenerativeModel([A], [B], initialStatePrior: [Tensor.Vector([0.5, 0.5]), Tensor.Vector([0.5, 0.5])]));

        Assert.Equal("D has 2 entries; expected 1 (one per factor).", ex.Message);
    }

    [Fact]
    public void Constructor_EWrongLength_NamesPolicyCount()
    {
        var ex = Assert.Throws<ModelValidationException>(
            () => new GenerativeModel([A], [B], policyPrior: Tensor.Vector([1.0, 1.0, 1.0])));

        Assert.Equal("E has shape [3]; expected [2] (one weight per policy).", ex.Message);
    }

    [Fact]
    public void Constructor_PaWrongShape_NamesExpectedShape()
    {
        var ex = Assert.Throws<ModelValidationException>(
            () => new GenerativeModel([A], [B], likelihoodConcentration: [Tensor.Vector([1.0, 1.0])]));

        Assert.StartsWith("pA[0] has shape [2]; expected [2, 2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PolicyOutOfRange_NamesPolicyAndFactor()
    {
        var policies = new PolicySet(2, 1, 1, [0, 2]);

        var ex = Assert.Throws<ModelValidationException>(() => new GenerativeModel([A], [B], policies: policies));

        Assert.Equal("policies[1, 0, 0] = 2, but factor 0 has 2 control state(s) (B[0] shape).", ex.Message);
    }

    [Fact]
    public void Constructor_PoliciesWrongFactorCount_Rejected()
    {
        var policies = new PolicySet(1, 1, 2, [0, 0]);

        var ex = Assert.Throws<ModelValidationException>(() => new GenerativeModel([A], [B], policies: policies));

        Assert.Equal("policies have 2 factor column(s); the model has 1 factors.", ex.Message);
    }

    [Fact]
    public void Constructor_NoFactor_Rejected()
    {
        var ex = Assert.Throws<ModelValidationException>(() => new GenerativeModel([A], []));

        Assert.StartsWith("B: the model needs at least one hidden-state factor", ex.Message, StringComparison.Ordinal);
    }
}
