using Actinf.Epistemic.Contracts;
using Actinf.Server.Contracts;
using Actinf.Server.Sessions;

namespace Actinf.Server.Tools;

/// <summary>Checks goal arguments and converts them to the engine's <see cref="GoalInput"/>.</summary>
internal static class Goals
{
    /// <summary>Validates the goals (throwing -32602 naming the bad one) and converts them.</summary>
    /// <param name="goals">The arguments.</param>
    /// <param name="registry">Source of the embedding dimension.</param>
    /// <returns>The engine goals.</returns>
    public static IReadOnlyList<GoalInput> Prepare(IReadOnlyList<GoalArgument> goals, SessionRegistry registry)
    {
        int dimension = registry.EmbeddingDimension;
        var result = new List<GoalInput>(goals.Count);
        for (int i = 0; i < goals.Count; i++)
        {
            GoalArgument? g = goals[i];
            if (g is null)
            {
                throw McpErrors.InvalidParams($"goals[{i}] is null; each goal is an object with a description.");
            }

            if (string.IsNullOrWhiteSpace(g.Description) && g.Embedding is null)
            {
                throw McpErrors.InvalidParams($"goals[{i}] has neither a description nor an embedding; give at least a description.");
            }

            if (!(g.Weight > 0) || !float.IsFinite(g.Weight))
            {
                throw McpErrors.InvalidParams($"goals[{i}].weight is {g.Weight}; it must be a finite number greater than 0.");
            }

            if (g.Embedding is { } e && e.Length != dimension)
            {
                throw McpErrors.InvalidParams($"goals[{i}].embedding has {e.Length} values; this server's embeddings have {dimension}. Omit it to embed the description.");
            }

            result.Add(new GoalInput(g.Description ?? string.Empty, g.Embedding is null ? (ReadOnlyMemory<float>?)null : new ReadOnlyMemory<float>(g.Embedding), g.Weight));
        }

        return result;
    }
}
