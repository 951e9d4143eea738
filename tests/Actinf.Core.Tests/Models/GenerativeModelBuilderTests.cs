using Actinf.Core.Io;
using Actinf.Core.Models;
using Actinf.Core.Tensors;
using Actinf.Core.Tests.Io;

namespace Actinf.Core.Tests.Models;

public class GenerativeModelBuilderTests
{
    [Fact]
    public void Build_TMaze_EqualsTmazeJson()
    {
        GenerativeModel built = TMaze().SetName("tmaze").Build();

        GenerativeModel read = ModelJson.ReadFile(ModelFiles.Path("bench-models/tmaze.json")).Model;

        ModelAssert.ModelsEqual(read, built);
    }

    [Fact]
    public void Build_PolicyLengthTwo_AllCombinationsOverTwoSteps()
    {
        GenerativeModel model = TMaze().SetPolicyLength(2).Build();

        Assert.Equal(16, model.Policies.Count);
        Assert.Equal(2, model.Policies.Length);
        Assert.Equal([0, 0, 3, 0], model.Policies.Span[12..16].ToArray());
    }

    [Fact]
    public void Build_ModalityWithoutLikelihood_NamesModality()
    {
        GenerativeModelBuilder builder = TMaze().AddModality("smell", outcomes: 2);

        var ex = Assert.Throws<ModelValidationException>(builder.Build);

        Assert.Equal("Likelihood (A) of modality 'smell' was not set; call SetLikelihood(\"smell\", ...) with shape [2, 4, 2].", ex.Message);
    }

    [Fact]
    public void Build_FactorWithoutTransitions_NamesFactor()
    {
        var builder = new GenerativeModelBuilder()
            .AddFactor("position", states: 3, controls: 2)
            .AddModality("seen", outcomes: 3);

        var ex = Assert.Throws<ModelValidationException>(builder.Build);

        Assert.Equal("Transitions (B) of factor 'position' were not set; call SetTransitions(\"position\", ...) with shape [3, 3, 2].", ex.Message);
    }

    [Fact]
    public void Build_LikelihoodWrongShape_NamesModalityAndAxes()
    {
        GenerativeModelBuilder builder = TMaze().SetLikelihood("reward", Tensor.Zeros(3, 4));

        var ex = Assert.Throws<ModelValidationException>(builder.Build);

        Assert.Equal(
            "Likelihood (A) of modality 'reward' has shape [3, 4]; expected [3, 4, 2] (outcomes of 'reward', then the states of 'location', 'context').",
            ex.Message);
    }

    [Fact]
    public void Build_TransitionsWrongControls_NamesFactor()
    {
        GenerativeModelBuilder builder = TMaze().SetTransitions("context", Tensor.Zeros(2, 2, 2));

        var ex = Assert.Throws<ModelValidationException>(builder.Build);

        Assert.StartsWith("Transitions (B) of factor 'context' has shape [2, 2, 2]; expected [2, 2, 1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ColumnNotNormalised_AddsNamesToIndices()
    {
        GenerativeModelBuilder builder = TMaze().SetTransitions("context", new Tensor([2, 2, 1], [1, 0, 0, 0.5]));

        var ex = Assert.Throws<ModelValidationException>(builder.Build);

        Assert.StartsWith("B[1] (factor 1) column [:, 1, 0] sums to 0.5", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("(modalities: 0 = 'location', 1 = 'reward', 2 = 'cue'; factors: 0 = 'location', 1 = 'context')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ConcentrationForSomeModalities_NamesMissingOnes()
    {
        GenerativeModel model = TMaze().Build();
        GenerativeModelBuilder builder = TMaze().SetLikelihoodConcentration("reward", model.Likelihood[1]);

        var ex = Assert.Throws<ModelValidationException>(builder.Build);

        Assert.Equal(
            "pA is set for some modalities but not for 'location', 'cue'; concentrations are all-or-nothing (set them for every modality or for none).",
            ex.Message);
    }

    [Fact]
    public void Build_PoliciesDisagreeWithPolicyLength_Rejected()
    {
        GenerativeModelBuilder builder = TMaze().SetPolicyLength(2).SetPolicies(PolicySet.AllCombinations([4, 1], 1));

        var ex = Assert.Throws<ModelValidationException>(builder.Build);

        Assert.Equal("SetPolicies gave policies of length 1 but SetPolicyLength gave 2; set one or make them agree.", ex.Message);
    }

    [Fact]
    public void Build_DForSomeFactorsWithPd_OthersGetNormalisedPd()
    {
        GenerativeModel model = TMaze(contextPrior: false)
            .SetInitialStateConcentration("location", Tensor.Vector([1.0, 1.0, 1.0, 1.0]))
            .SetInitialStateConcentration("context", Tensor.Vector([3.0, 1.0]))
            .Build();

        Assert.Equal([1.0, 0.0, 0.0, 0.0], model.InitialStatePrior[0].ToArray());
        Assert.Equal([0.75, 0.25], model.InitialStatePrior[1].ToArray());
    }

    [Fact]
    public void Build_DForSomeFactorsWithoutPd_OthersUniform()
    {
        GenerativeModel model = TMaze(contextPrior: false).Build();

        Assert.Equal([1.0, 0.0, 0.0, 0.0], model.InitialStatePrior[0].ToArray());
        Assert.Equal([0.5, 0.5], model.InitialStatePrior[1].ToArray());
    }

    [Fact]
    public void Build_NoFactor_SaysAddFactor()
    {
        var ex = Assert.Throws<ModelValidationException>(new GenerativeModelBuilder().AddModality("o", 2).Build);

        Assert.Equal("The model has no hidden-state factor; call AddFactor first.", ex.Message);
    }

    [Fact]
    public void SetLikelihood_UnknownModality_ThrowsWithParamName()
    {
        var ex = Assert.Throws<ArgumentException>(() => TMaze().SetLikelihood("smell", Tensor.Zeros(2, 4, 2)));

        Assert.Equal("modality", ex.ParamName);
        Assert.StartsWith("No modality named 'smell'; modalities: 'location', 'reward', 'cue'.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetTransitions_UnknownFactor_ThrowsWithParamName()
    {
        var ex = Assert.Throws<ArgumentException>(() => new GenerativeModelBuilder().SetTransitions("x", Tensor.Zeros(2, 2, 1)));

        Assert.Equal("factor", ex.ParamName);
        Assert.StartsWith("No factor named 'x'; factors: (none).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFactor_OneState_ThrowsArgumentOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GenerativeModelBuilder().AddFactor("f", states: 1));

        Assert.Equal("states", ex.ParamName);
    }

    [Fact]
    public void AddFactor_DuplicateName_ThrowsWithParamName()
    {
        var ex = Assert.Throws<ArgumentException>(() => new GenerativeModelBuilder().AddFactor("f", 2).AddFactor("f", 3));

        Assert.Equal("name", ex.ParamName);
    }

    [Fact]
    public void AddModality_ZeroOutcomes_ThrowsArgumentOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GenerativeModelBuilder().AddModality("m", outcomes: 0));

        Assert.Equal("outcomes", ex.ParamName);
    }

    /// <summary>pymdp's T-maze (TMazeEnv, reward probability 0.98), as in tests/data/bench-models/tmaze.json.</summary>
    private static GenerativeModelBuilder TMaze(bool contextPrior = true)
    {
        const int Locations = 4, Contexts = 2; // locations: centre, left arm, right arm, cue; contexts: reward left / right
        var where = new double[Locations * Locations * Contexts];
        var reward = new double[3 * Locations * Contexts];
        var cue = new double[2 * Locations * Contexts];
        for (int loc = 0; loc < Locations; loc++)
        {
            for (int ctx = 0; ctx < Contexts; ctx++)
            {
                int column = (loc * Contexts) + ctx;
                where[(loc * Locations * Contexts) + column] = 1.0;

                // Reward outcomes: 0 none, 1 reward, 2 loss. Arms 1 and 2 pay with 0.98 in their context.
                if (loc is 1 or 2)
                {
                    bool good = (loc == 1) == (ctx == 0);
                    reward[(1 * Locations * Contexts) + column] = good ? 0.98 : 0.02;
                    reward[(2 * Locations * Contexts) + column] = good ? 0.02 : 0.98;
                }
                else
                {
                    reward[column] = 1.0;
                }

                // Cue outcomes: at the cue location the cue reveals the context; elsewhere it is uninformative.
                cue[column] = loc == 3 ? (ctx == 0 ? 1.0 : 0.0) : 0.5;
                cue[(Locations * Contexts) + column] = loc == 3 ? (ctx == 1 ? 1.0 : 0.0) : 0.5;
            }
        }

        // Moving: B[s', s, u] = 1 when s' = u, from any s.
        var move = new double[Locations * Locations * Locations];
        for (int next = 0; next < Locations; next++)
        {
            for (int prev = 0; prev < Locations; prev++)
            {
                move[(((next * Locations) + prev) * Locations) + next] = 1.0;
            }
        }

        GenerativeModelBuilder builder = new GenerativeModelBuilder()
            .AddFactor("location", states: Locations, controls: Locations)
            .AddFactor("context", states: Contexts)
            .AddModality("location", outcomes: Locations)
            .AddModality("reward", outcomes: 3)
            .AddModality("cue", outcomes: 2)
            .SetLikelihood("location", new Tensor([Locations, Locations, Contexts], where))
            .SetLikelihood("reward", new Tensor([3, Locations, Contexts], reward))
            .SetLikelihood("cue", new Tensor([2, Locations, Contexts], cue))
            .SetTransitions("location", new Tensor([Locations, Locations, Locations], move))
            .SetTransitions("context", new Tensor([Contexts, Contexts, 1], [1.0, 0.0, 0.0, 1.0]))
            .SetPreferences("reward", Tensor.Vector([0.0, 3.0, -3.0]))
            .SetInitialStatePrior("location", Tensor.Vector([1.0, 0.0, 0.0, 0.0]));
        return contextPrior ? builder.SetInitialStatePrior("context", Tensor.Vector([0.5, 0.5])) : builder;
    }
}
