namespace Actinf.Causal.Queries;

/// <summary>
/// How a front end names the parts of a causal query, so that the checks of <see cref="CausalQuestion"/> word their
/// messages as the user wrote the query (command-line options such as <c>--mpe</c>, or JSON parameters such as
/// <c>'map_variables'</c>).
/// </summary>
/// <param name="Targets">The target variables.</param>
/// <param name="Mpe">The most-probable-explanation switch.</param>
/// <param name="Map">The marginal MAP variables.</param>
/// <param name="Direction">The direction of the question.</param>
/// <param name="MaxDepth">The depth bound of a directional answer.</param>
public sealed record QueryTerms(string Targets, string Mpe, string Map, string Direction, string MaxDepth);
