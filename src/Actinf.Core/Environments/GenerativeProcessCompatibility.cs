using Actinf.Core.Models;

namespace Actinf.Core.Environments;

/// <summary>
/// Checks that a generative model can drive a generative process: same number of modalities and factors,
/// and the same outcome, state and control counts, position by position.
/// </summary>
/// <remarks>
/// Only the dimensions are compared: a model may believe anything about the world (other probabilities,
/// other preferences) as long as it speaks about the same observations and acts with the same controls.
/// </remarks>
public static class GenerativeProcessCompatibility
{
    /// <summary>Whether <paramref name="model"/> fits <paramref name="process"/>.</summary>
    /// <param name="model">The agent's generative model.</param>
    /// <param name="process">The environment.</param>
    /// <param name="problem">When not compatible, every mismatch in one sentence per line, and the expected dimensions; otherwise null.</param>
    /// <returns>True when every count matches.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool IsCompatible(GenerativeModel model, IGenerativeProcess process, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(process);
        var mismatches = new List<string>();
        Compare(mismatches, "observation modalities", "num_obs (outcomes per modality)", model.NumObservations, process.NumObservations);
        Compare(mismatches, "hidden-state factors", "num_states (states per factor)", model.NumStates, process.NumStates);
        Compare(mismatches, "hidden-state factors", "num_controls (control states per factor)", model.NumControls, process.NumControls);
        if (mismatches.Count == 0)
        {
            problem = null;
            return true;
        }

        problem =
            $"The model{Named(model)} does not fit the {process.Name} environment:{Environment.NewLine}"
            + string.Join(Environment.NewLine, mismatches.Distinct().Select(m => "  - " + m))
            + Environment.NewLine
            + $"The {process.Name} environment needs num_obs {Format(process.NumObservations)}, "
            + $"num_states {Format(process.NumStates)} and num_controls {Format(process.NumControls)}.";
        return false;
    }

    /// <summary>Throws when <paramref name="model"/> does not fit <paramref name="process"/>.</summary>
    /// <param name="model">The agent's generative model.</param>
    /// <param name="process">The environment.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IncompatibleModelException">A count differs; the message lists every mismatch and the expected dimensions.</exception>
    public static void EnsureCompatible(GenerativeModel model, IGenerativeProcess process)
    {
        if (!IsCompatible(model, process, out string? problem))
        {
            throw new IncompatibleModelException(problem!);
        }
    }

    internal static string Format(ReadOnlySpan<int> values) => "[" + string.Join(", ", values.ToArray()) + "]";

    private static string Named(GenerativeModel model) => string.IsNullOrEmpty(model.Name) ? string.Empty : $" '{model.Name}'";

    private static void Compare(List<string> mismatches, string axis, string key, ReadOnlySpan<int> model, ReadOnlySpan<int> process)
    {
        if (model.Length != process.Length)
        {
            mismatches.Add($"the model has {model.Length} {axis}, the environment {process.Length}");
            return;
        }

        if (!model.SequenceEqual(process))
        {
            mismatches.Add($"{key} is {Format(model)} in the model but {Format(process)} in the environment");
        }
    }
}
