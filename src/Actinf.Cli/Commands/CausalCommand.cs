using System.CommandLine;
using Actinf.Cli.Causal;

namespace Actinf.Cli.Commands;

/// <summary>
/// <c>actinf causal</c>: discrete causal Bayesian networks (BIF and XMLBIF files). Each subcommand lives in
/// its own file under <c>Causal/</c>; <c>query</c> answers posteriors, interventions, MPE and MAP exactly.
/// </summary>
internal static class CausalCommand
{
    /// <summary>Builds <c>actinf causal</c> and its subcommands.</summary>
    public static Command Create()
    {
        var causal = new Command("causal", "Exact inference on causal Bayesian networks (BIF, XMLBIF): posteriors, do-interventions, soft evidence, MPE and MAP, experiments to run next, network facts.");
        causal.Subcommands.Add(CausalQueryCommand.Create());
        causal.Subcommands.Add(CausalSuggestCommand.Create());
        causal.Subcommands.Add(CausalInfoCommand.Create());
        return causal;
    }
}
