using Actinf.Core.Agents;
using Actinf.Core.Models;

namespace Actinf.Core.Io;

/// <summary>
/// What an actinf-model/1 file holds: the generative model, the agent options (the file's
/// <c>settings</c>), free-text name and description, and an optional benchmark workload.
/// Read and written by <see cref="ModelJson"/>; immutable.
/// </summary>
/// <remarks>
/// <c>settings.policy_len</c> is not an option: it is the length T of the model's policies,
/// <see cref="PolicyLength"/>. <see cref="AgentOptions.Seed"/> is not part of the format (it is written
/// nowhere and reads back as 0); the bench object carries its own <see cref="BenchWorkload.Seed"/>.
/// </remarks>
public sealed class ModelDocument
{
    /// <summary>Creates a document and checks its parts against each other.</summary>
    /// <param name="model">The generative model.</param>
    /// <param name="options">Agent options; null means <see cref="AgentOptions.Default"/>.</param>
    /// <param name="name">Free-text name; null means the model's <see cref="GenerativeModel.Name"/>.</param>
    /// <param name="description">Free-text description; null means empty.</param>
    /// <param name="bench">Optional benchmark workload.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range for this model (see <see cref="AgentOptions.Validate"/>).</exception>
    /// <exception cref="ModelValidationException">A bench observation does not fit the model's modalities.</exception>
    public ModelDocument(
        GenerativeModel model,
        AgentOptions? options = null,
        string? name = null,
        string? description = null,
        BenchWorkload? bench = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= AgentOptions.Default;
        options.Validate(model.NumModalities, model.NumFactors);
        bench?.Validate(model);
        Model = model;
        Options = options;
        Name = name ?? model.Name;
        Description = description ?? string.Empty;
        Bench = bench;
    }

    /// <summary>The generative model (A, B, C, D, E, pA, pB, pD, policies).</summary>
    public GenerativeModel Model { get; }

    /// <summary>The agent options (the file's <c>settings</c>).</summary>
    public AgentOptions Options { get; }

    /// <summary>Free-text name (the file's <c>name</c>).</summary>
    public string Name { get; }

    /// <summary>Free-text description (the file's <c>description</c>).</summary>
    public string Description { get; }

    /// <summary>The benchmark workload (the file's <c>bench</c>), or null.</summary>
    public BenchWorkload? Bench { get; }

    /// <summary>T, steps per policy (the file's <c>settings.policy_len</c>): the length of the model's policies.</summary>
    public int PolicyLength => Model.Policies.Length;
}
