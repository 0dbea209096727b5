using System.Globalization;
using ObservabilityStack.Alerting.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ObservabilityStack.Alerting.OnCall;

/// <summary>Loads the on-call file with the same file/line/field errors as rules.</summary>
public static class OnCallLoader
{
    /// <summary>Loads and validates; throws <see cref="RuleLoadException"/> listing every problem.</summary>
    public static OnCallConfig Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses YAML text; <paramref name="file"/> names the source in errors.</summary>
    public static OnCallConfig Parse(string yaml, string file)
    {
        var errors = new List<RuleError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new RuleLoadException([new RuleError(file, (int)e.Start.Line, (int)e.Start.Column, "(syntax)", e.Message)]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new RuleLoadException([new RuleError(file, 1, 1, "(root)", "must be a mapping with a 'teams' list")]);
        }

        var top = new YamlFieldReader(root, "", file, errors);
        var config = new OnCallConfig
        {
            From = top.String("from") ?? OnCallConfig.Empty.From,
            EscalateAfter = top.Duration("escalate_after", allowZero: false),
            Teams = ReadTeams(top, file, errors),
        };
        top.RejectUnknownKeys();
        if (errors.Count > 0)
        {
            throw new RuleLoadException(errors);
        }

        return config;
    }

    private static List<Team> ReadTeams(YamlFieldReader top, string file, List<RuleError> errors)
    {
        var teams = new List<Team>();
        if (top.Raw("teams") is not YamlSequenceNode list)
        {
            return teams;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is not YamlMappingNode node)
            {
                top.Error(list.Children[i], $"teams[{i}]", "must be a mapping");
                continue;
            }

            var r = new YamlFieldReader(node, $"teams[{i}]", file, errors);
            var members = new List<TeamMember>();
            if (r.Raw("members") is YamlSequenceNode memberNodes)
            {
                for (var m = 0; m < memberNodes.Children.Count; m++)
                {
                    if (memberNodes.Children[m] is YamlMappingNode memberNode)
                    {
                        var mr = new YamlFieldReader(memberNode, $"teams[{i}].members[{m}]", file, errors);
                        var email = mr.String("email", required: true) ?? "";
                        if (email.Length > 0 && !email.Contains('@', StringComparison.Ordinal))
                        {
                            mr.Error(mr.Raw("email"), "email", $"'{email}' is not an email address");
                        }

                        members.Add(new TeamMember(mr.String("name") ?? email, email));
                        mr.RejectUnknownKeys();
                    }
                }
            }

            if (members.Count == 0)
            {
                r.Error(r.Raw("members"), "members", "a team needs at least one member with an email");
            }

            var rotationStart = DateTimeOffset.UnixEpoch;
            var every = TimeSpan.FromDays(7);
            if (r.Raw("rotation") is YamlMappingNode rotation)
            {
                var rr = new YamlFieldReader(rotation, $"teams[{i}].rotation", file, errors);
                var start = rr.String("start");
                if (start is not null && !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out rotationStart))
                {
                    rr.Error(rr.Raw("start"), "start", $"'{start}' is not a date and time (ISO 8601)");
                }

                every = rr.Duration("every", allowZero: false) ?? every;
                rr.RejectUnknownKeys();
            }

            teams.Add(new Team
            {
                Name = r.String("name", required: true) ?? "",
                Members = members,
                RotationStart = rotationStart,
                RotationEvery = every,
                Escalation = r.StringList("escalation"),
            });
            r.RejectUnknownKeys();
        }

        return teams;
    }
}
