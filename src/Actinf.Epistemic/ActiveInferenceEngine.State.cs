using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Learning;
using Actinf.Epistemic.Model;
using Actinf.Epistemic.State;

namespace Actinf.Epistemic;

/// <summary>Export and import of the engine-level learned state (issue #4).</summary>
public sealed partial class ActiveInferenceEngine
{
    /// <summary>
    /// Exports the state all sessions share: the model's learned weights and/or the feedback statistics
    /// (sessions are exported one by one with <see cref="ExportSession(Guid)"/>).
    /// </summary>
    /// <param name="parts">Which parts to include (default both).</param>
    /// <returns>The state (version 1). Each part is a consistent snapshot even while other threads learn: the weights
    /// are copied under the model's shared lock, the statistics under the reveal model's lock.</returns>
    public EngineState ExportState(EngineStateParts parts = EngineStateParts.All)
    {
        ModelWeightsState? model = null;
        if ((parts & EngineStateParts.ModelWeights) != 0)
        {
            (float[][] weights, long steps) = Model.CaptureWeights();
            model = new ModelWeightsState
            {
                LayerDimensions = [.. Options.Model.LayerDimensions],
                ConnectionGroups = Options.Model.ConnectionGroups,
                LearningSteps = steps,
                Layers = [.. weights.Select((w, i) => LayerState(Model.Layers[i + 1], w))],
            };
        }

        FeedbackStatisticsState? feedback = null;
        if ((parts & EngineStateParts.FeedbackStatistics) != 0)
        {
            (RevealStatistics[] statistics, long rated, long helpful) = RevealModel.Capture();
            feedback = new FeedbackStatisticsState { Rated = rated, Helpful = helpful, Statistics = statistics };
        }

        return new EngineState { Model = model, Feedback = feedback };
    }

    /// <summary>Exports the engine-level state as JSON (see <see cref="ExportState"/>; format in docs/epistemic-engine.md).</summary>
    /// <param name="parts">Which parts to include (default both).</param>
    /// <returns>The JSON text; an unchanged engine exports the same bytes every time.</returns>
    public string ExportStateJson(EngineStateParts parts = EngineStateParts.All) => EngineStateJson.Serialize(ExportState(parts));

    /// <summary>
    /// Replaces the engine-level state by an exported one: the parts present in <paramref name="state"/> are
    /// replaced, absent ones (null) are left as they are. Sessions are not touched.
    /// </summary>
    /// <param name="state">The state.</param>
    /// <exception cref="ActiveInferenceException">
    /// <see cref="ErrorKind.InvalidModel"/> for an unsupported version, other layer sizes or connection groups, a
    /// wrong weight count, text that is not base64, a bad counter, an unknown action type or a duplicate statistic;
    /// <see cref="ErrorKind.NumericalInstability"/> for NaN or infinity. The message names the problem, and the
    /// engine is unchanged: everything is checked before anything is written.
    /// </exception>
    public void ImportState(EngineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Version != EngineState.CurrentVersion)
        {
            throw new ActiveInferenceException(ErrorKind.InvalidModel, $"Engine state version {state.Version} is not supported; this engine reads version {EngineState.CurrentVersion}.");
        }

        float[][]? weights = state.Model is null ? null : EngineStateValidator.Weights(state.Model, Model);
        RevealStatistics[]? statistics = state.Feedback is null ? null : EngineStateValidator.Feedback(state.Feedback);
        if (weights is not null)
        {
            Model.RestoreWeights(weights, state.Model!.LearningSteps);
        }

        if (statistics is not null)
        {
            RevealModel.Restore(statistics, state.Feedback!.Rated, state.Feedback.Helpful);
        }

        // Cached plan evaluations depend on the reveal precisions only through their fingerprint, so they stay valid.
    }

    /// <summary>Imports engine-level state from JSON produced by <see cref="ExportStateJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="ActiveInferenceException">As <see cref="ImportState"/>, and <see cref="ErrorKind.InvalidModel"/> for malformed JSON.</exception>
    public void ImportStateJson(string json) => ImportState(EngineStateJson.Deserialize(json));

    private static WeightLayerState LayerState(GenerativeLayer layer, float[] weights) => new()
    {
        Level = layer.Level,
        Rows = layer.LowerDimension,
        Columns = layer.Dimension,
        Groups = layer.Groups,
        BlockRows = layer.BlockRows,
        BlockColumns = layer.BlockColumns,
        Weights = Float32Base64.Encode(weights),
    };
}
