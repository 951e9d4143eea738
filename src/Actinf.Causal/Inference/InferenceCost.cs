namespace Actinf.Causal.Inference;

/// <summary>
/// How hard a query is for exact inference, from the elimination order the engine would use: time and
/// memory grow with <see cref="LargestClique"/> (entries of the largest table), which is exponential in
/// <see cref="InducedWidth"/>. An upper bound on the network's treewidth for this query.
/// </summary>
/// <param name="RelevantVariables">Variables left after pruning (ancestors of targets and evidence in the mutilated graph).</param>
/// <param name="InducedWidth">Largest clique of the order, in variables, minus one.</param>
/// <param name="LargestClique">Entries of the largest table built (8 bytes each).</param>
/// <param name="TotalTable">Sum of the entries of every table built: the work of one elimination pass.</param>
public sealed record InferenceCost(int RelevantVariables, int InducedWidth, double LargestClique, double TotalTable);
