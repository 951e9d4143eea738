using Actinf.Causal.Conformance;
using Actinf.Causal.Inference;

namespace Actinf.Bench.Suites.Causal;

/// <summary>A fixture query ready for the engine: its targets and clamps, built once outside the timed code.</summary>
/// <param name="Id">The fixture's query id (<c>alarm-pub-posterior-03</c>).</param>
/// <param name="Targets">Variables whose posterior marginals are asked (empty for MPE).</param>
/// <param name="Clamps">Evidence and interventions of the query.</param>
/// <param name="Source">The fixture query, with its expected answer.</param>
public sealed record PreparedQuery(string Id, string[] Targets, Clamps Clamps, CausalQuery Source);
