using System.Globalization;
using Actinf.Epistemic.Actions;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.Learning;
using Actinf.Epistemic.Model;

namespace Actinf.Epistemic.State;

/// <summary>
/// Checks an <see cref="EngineState"/> against an engine's model before anything is written, and decodes it:
/// an import either applies every part or throws and leaves the engine unchanged.
/// </summary>
internal static class EngineStateValidator
{
    /// <summary>The decoded weights (index l - 1 for W_l), or throws naming the first problem.</summary>
    public static float[][] Weights(ModelWeightsState state, HierarchicalGenerativeModel model)
    {
        int[] expected = [.. model.Options.LayerDimensions];
        if (state.LayerDimensions is null || !state.LayerDimensions.SequenceEqual(expected))
        {
            throw Invalid($"The engine state's model has layers [{string.Join(", ", state.LayerDimensions ?? [])}]; this engine's model has [{string.Join(", ", expected)}] (Model.LayerDimensions).");
        }

        if (state.ConnectionGroups != model.Options.ConnectionGroups)
        {
            throw Invalid($"The engine state's model has {state.ConnectionGroups} connection groups; this engine's model has {model.Options.ConnectionGroups} (Model.ConnectionGroups).");
        }

        if (state.LearningSteps < 0)
        {
            throw Invalid($"The engine state's learning-step count is {state.LearningSteps}; it must be ≥ 0.");
        }

        int matrices = model.LayerCount - 1;
        if (state.Layers is null || state.Layers.Length != matrices)
        {
            throw Invalid($"The engine state has {state.Layers?.Length ?? 0} weight layers; this engine's model has {matrices} (levels 1 to {matrices}).");
        }

        var weights = new float[matrices][];
        for (int l = 1; l <= matrices; l++)
        {
            WeightLayerState layer = state.Layers[l - 1] ?? throw Invalid($"The engine state's weight layer {l} is null.");
            GenerativeLayer target = model.Layers[l];
            if (layer.Level != l)
            {
                throw Invalid($"The engine state's weight layer number {l} says level {layer.Level}; layers must be listed by level, 1 first.");
            }

            if (layer.Rows != target.LowerDimension || layer.Columns != target.Dimension || layer.Groups != target.Groups
                || layer.BlockRows != target.BlockRows || layer.BlockColumns != target.BlockColumns)
            {
                throw Invalid($"The engine state's weight layer {l} is {layer.Rows}×{layer.Columns} in {layer.Groups} blocks of {layer.BlockRows}×{layer.BlockColumns}; this engine's W_{l} is {target.LowerDimension}×{target.Dimension} in {target.Groups} blocks of {target.BlockRows}×{target.BlockColumns}.");
            }

            float[] values = Float32Base64.TryDecode(layer.Weights ?? string.Empty)
                ?? throw Invalid($"The engine state's weight layer {l} is not base64 of little-endian float32 values.");
            if (values.Length != target.WeightCount)
            {
                throw Invalid($"The engine state's weight layer {l} has {values.Length} weights; this engine's W_{l} has {target.WeightCount} ({target.Groups} blocks of {target.BlockRows}×{target.BlockColumns}).");
            }

            for (int k = 0; k < values.Length; k++)
            {
                if (!float.IsFinite(values[k]))
                {
                    throw new ActiveInferenceException(ErrorKind.NumericalInstability, $"The engine state's weight layer {l} has {values[k].ToString(CultureInfo.InvariantCulture)} at index {k}; weights must be finite.");
                }
            }

            weights[l - 1] = values;
        }

        return weights;
    }

    /// <summary>The statistics after checking types, domains, counts, times and duplicates, or throws naming the first problem.</summary>
    public static RevealStatistics[] Feedback(FeedbackStatisticsState state)
    {
        if (state.Rated < 0 || state.Helpful < 0 || state.Helpful > state.Rated)
        {
            throw Invalid($"The engine state's feedback counters are rated = {state.Rated}, helpful = {state.Helpful}; they need 0 ≤ helpful ≤ rated.");
        }

        RevealStatistics[] statistics = state.Statistics ?? [];
        var seen = new HashSet<(EpistemicActionType, string)>();
        foreach (RevealStatistics s in statistics)
        {
            if (!Enum.IsDefined(s.ActionType))
            {
                throw Invalid($"The engine state's feedback statistics name action type {(int)s.ActionType}, which does not exist.");
            }

            if (s.Domain is null)
            {
                throw Invalid($"The engine state's feedback statistics for {s.ActionType} have a null domain; use \"\" for no domain.");
            }

            if (!double.IsFinite(s.Helpful) || !double.IsFinite(s.Unhelpful))
            {
                throw new ActiveInferenceException(ErrorKind.NumericalInstability, string.Create(CultureInfo.InvariantCulture, $"The engine state's feedback statistics for {s.ActionType} in \"{s.Domain}\" have counts {s.Helpful} and {s.Unhelpful}; counts must be finite."));
            }

            if (s.Helpful < 0 || s.Unhelpful < 0)
            {
                throw Invalid($"The engine state's feedback statistics for {s.ActionType} in \"{s.Domain}\" have counts {s.Helpful} and {s.Unhelpful}; counts must be ≥ 0.");
            }

            if (!seen.Add((s.ActionType, s.Domain)))
            {
                throw Invalid($"The engine state's feedback statistics list {s.ActionType} in \"{s.Domain}\" twice.");
            }
        }

        return statistics;
    }

    private static ActiveInferenceException Invalid(string message) => new(ErrorKind.InvalidModel, message);
}
