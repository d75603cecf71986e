using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OrleansCalendar.Server.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using IOPath = System.IO.Path;

namespace OrleansCalendar.Server.Tests.Deploy;

/// <summary>
/// The files under deploy/ (Dockerfile, docker compose, nginx, Kubernetes) are not built or run by the suite,
/// so they can drift silently from the code they start. These tests read them as data and hold them to the
/// facts they depend on: configuration keys the server documents, its health routes, its assembly, its ports
/// and shutdown timing, and their consistency with each other.
/// </summary>
public sealed class DeployFilesTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly string DeployDir = IOPath.Combine(Root, "deploy");
    private static readonly string K8sDir = IOPath.Combine(DeployDir, "k8s");
    private static readonly string ServerProject = IOPath.Combine(Root, "src", "OrleansCalendar.Server", "OrleansCalendar.Server.csproj");

    /// <summary>Variables read by ASP.NET Core, .NET or the OpenTelemetry SDK themselves, not by our options.</summary>
    private static readonly HashSet<string> PlatformVariables = new(StringComparer.Ordinal)
    {
        "ASPNETCORE_URLS",
        "ASPNETCORE_HTTP_PORTS",
        "ASPNETCORE_HTTPS_PORTS",
        "ASPNETCORE_ENVIRONMENT",
        "ASPNETCORE_FORWARDEDHEADERS_ENABLED",
        "DOTNET_ENVIRONMENT",
        "DOTNET_gcServer",
        "DOTNET_GCHeapHardLimitPercent",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_EXPORTER_OTLP_HEADERS",
        "OTEL_SERVICE_NAME",
        "OTEL_RESOURCE_ATTRIBUTES",
    };

    /// <summary>Settings that must come from a Kubernetes Secret (or deploy/.env), never from the ConfigMap.</summary>
    private static readonly string[] SecretKeys = ["ConnectionStrings__Orleans", "Auth__AdminKey", "Outlook__ClientSecret"];

    [Fact]
    public void Every_yaml_file_under_deploy_parses()
    {
        var files = YamlFiles().ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var stream = new YamlStream();
            var error = Record.Exception(() => stream.Load(new StringReader(text)));
            Assert.True(error is null, $"{Relative(file)} does not parse: {error?.Message}");
            Assert.True(stream.Documents.Count > 0, $"{Relative(file)} holds no YAML document");

            // Aliases and merge keys (<<: *anchor) must resolve, as docker compose resolves them.
            var merged = Record.Exception(() => LoadAll(file).ToList());
            Assert.True(merged is null, $"{Relative(file)} has an unresolvable alias or merge key: {merged?.Message}");
        }
    }

    [Fact]
    public void Configuration_keys_set_by_compose_and_kubernetes_are_documented_in_the_README()
    {
        var documented = ReadmeConfigurationKeys();
        Assert.Contains("Storage__Provider", documented); // the table was found at all

        var used = ComposeServices().SelectMany(s => EnvironmentOf(s.Value).Keys)
            .Concat(K8sDocuments().SelectMany(ConfigurationKeysOf))
            .Where(LooksLikeConfigurationKey)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("ConnectionStrings__Orleans", used);

        var unknown = used.Where(k => !documented.Contains(k) && !PlatformVariables.Contains(k)).Order().ToList();
        Assert.True(unknown.Count == 0,
            "Keys set under deploy/ that are neither in the README's Configuration table nor standard ASP.NET Core/" +
            ".NET/OpenTelemetry variables (a typo, or a setting the README must document): " + string.Join(", ", unknown));
    }

    [Fact]
    public void Kubernetes_probes_point_at_the_server_health_routes()
    {
        var routes = HealthRoutes();
        Assert.Equal("/health/live", routes["Live"]);
        Assert.Equal("/health/ready", routes["Ready"]);

        var container = SiloContainer();
        var portNames = ContainerPorts(container).Keys;
        Assert.Equal(routes["Ready"], Probe(container, "readinessProbe").Path);
        Assert.Equal(routes["Live"], Probe(container, "livenessProbe").Path);
        Assert.Contains(Probe(container, "startupProbe").Path, routes.Values);
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            Assert.Contains(Probe(container, probe).Port, portNames);
        }
    }

    [Fact]
    public void Kubernetes_termination_grace_period_outlasts_the_configured_graceful_shutdown()
    {
        var config = ConfigMapData();
        var shutdown = TimeSpan.Parse(config["Server__ShutdownTimeout"], CultureInfo.InvariantCulture)
            + TimeSpan.Parse(config["Server__ShutdownDrain"], CultureInfo.InvariantCulture);

        var grace = int.Parse(Scalar(At(PodSpec(Deployment()), "terminationGracePeriodSeconds")), CultureInfo.InvariantCulture);

        Assert.True(grace > shutdown.TotalSeconds,
            $"terminationGracePeriodSeconds {grace} must exceed Server__ShutdownTimeout + Server__ShutdownDrain = {shutdown.TotalSeconds} s");
    }

    [Fact]
    public void Compose_stop_grace_period_outlasts_the_configured_graceful_shutdown()
    {
        var silos = ComposeSilos().ToList();
        Assert.NotEmpty(silos);
        foreach (var (name, service) in silos)
        {
            var env = EnvironmentOf(service);
            var shutdown = TimeSpan.Parse(env["Server__ShutdownTimeout"], CultureInfo.InvariantCulture)
                + TimeSpan.Parse(env["Server__ShutdownDrain"], CultureInfo.InvariantCulture);
            var grace = ParseComposeDuration(Scalar(At(service, "stop_grace_period")));
            Assert.True(grace > shutdown, $"{name}: stop_grace_period {grace} must exceed ShutdownTimeout + ShutdownDrain = {shutdown}");
        }
    }

    [Fact]
    public void Kubernetes_container_ports_match_the_configured_server_ports()
    {
        var config = ConfigMapData();
        var ports = ContainerPorts(SiloContainer());

        Assert.Equal(config["ASPNETCORE_HTTP_PORTS"], ports["http"]);
        Assert.Equal(config["Orleans__SiloPort"], ports["silo"]);
        Assert.Equal(config["Orleans__GatewayPort"], ports["gateway"]);
    }

    [Fact]
    public void Service_targets_a_named_container_port_of_the_silo_pods()
    {
        var service = K8sDocument("Service");
        var podLabels = Labels(At(Deployment(), "spec", "template", "metadata", "labels"));
        var portNames = ContainerPorts(SiloContainer()).Keys;

        foreach (var port in Sequence(At(service, "spec", "ports")))
        {
            Assert.Contains(Scalar(At(port, "targetPort")), portNames);
        }

        AssertSelects(Labels(At(service, "spec", "selector")), podLabels, "Service");
    }

    [Fact]
    public void Pod_disruption_budget_selects_the_silo_pods()
    {
        var deployment = Deployment();
        var podLabels = Labels(At(deployment, "spec", "template", "metadata", "labels"));
        var pdbSelector = Labels(At(K8sDocument("PodDisruptionBudget"), "spec", "selector", "matchLabels"));

        AssertSelects(pdbSelector, podLabels, "PodDisruptionBudget");
        Assert.Equal(Labels(At(deployment, "spec", "selector", "matchLabels")), pdbSelector);
    }

    [Fact]
    public void Silos_and_the_migrate_job_share_image_and_configuration_sources()
    {
        var configMapName = Scalar(At(K8sDocument("ConfigMap"), "metadata", "name"));
        var secretName = Scalar(At(LoadAll(IOPath.Combine(K8sDir, "secret.example.yaml")).Single(), "metadata", "name"));

        var silo = SiloContainer();
        var job = Sequence(At(PodSpec(K8sDocument("Job")), "containers")).Single();

        Assert.Equal(Scalar(At(silo, "image")), Scalar(At(job, "image")));
        foreach (var container in new[] { silo, job })
        {
            var sources = Sequence(At(container, "envFrom")).ToList();
            Assert.Contains(sources, s => Scalar(At(s, "configMapRef", "name"), "") == configMapName);
            Assert.Contains(sources, s => Scalar(At(s, "secretRef", "name"), "") == secretName);
        }

        Assert.Equal(["migrate"], Sequence(At(job, "args")).Select(Scalar));
    }

    [Fact]
    public void Secrets_are_kept_out_of_the_config_map_and_the_examples_hold_only_placeholders()
    {
        var config = ConfigMapData();
        var secret = LoadAll(IOPath.Combine(K8sDir, "secret.example.yaml")).Single();
        var secretData = Mapping(At(secret, "stringData"));

        foreach (var key in SecretKeys)
        {
            Assert.DoesNotContain(key, config.Keys);
            Assert.Contains(key, secretData.Keys);
            Assert.Contains("REPLACE_ME", Scalar(secretData[key]), StringComparison.Ordinal);
        }

        // deploy/.env.example: secrets are placeholders, and the real .env is ignored by git and Docker.
        var example = File.ReadAllLines(IOPath.Combine(DeployDir, ".env.example"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        Assert.StartsWith("replace-with-", example["POSTGRES_PASSWORD"], StringComparison.Ordinal);
        Assert.StartsWith("replace-with-", example["ADMIN_KEY"], StringComparison.Ordinal);
        Assert.Equal("", example["OUTLOOK_CLIENT_SECRET"]);
        Assert.Contains(".env", File.ReadAllLines(IOPath.Combine(DeployDir, ".gitignore")));
        Assert.Contains("**/.env", File.ReadAllLines(IOPath.Combine(Root, ".dockerignore")));
    }

    [Fact]
    public void Kustomization_lists_every_manifest_except_the_templates()
    {
        var kustomization = LoadAll(IOPath.Combine(K8sDir, "kustomization.yaml")).Single();
        var listed = Sequence(At(kustomization, "resources")).Select(Scalar).ToList();

        foreach (var resource in listed)
        {
            Assert.True(File.Exists(IOPath.Combine(K8sDir, resource)), $"kustomization.yaml lists {resource}, which does not exist");
        }

        var manifests = Directory.GetFiles(K8sDir, "*.yaml")
            .Select(f => IOPath.GetFileName(f))
            .Where(f => f != "kustomization.yaml" && !f.Contains(".example.", StringComparison.Ordinal))
            .Order()
            .ToList();
        Assert.Equal(manifests, listed.Order().ToList());
    }

    [Fact]
    public void Dockerfile_starts_the_server_assembly_and_builds_it_with_the_schema_scripts()
    {
        var dockerfile = File.ReadAllLines(IOPath.Combine(DeployDir, "Dockerfile"));
        var assembly = AssemblyFileName(ServerProject);

        var entrypoint = JsonSerializer.Deserialize<string[]>(Instruction(dockerfile, "ENTRYPOINT").Single())!;
        Assert.Equal(["dotnet", assembly], entrypoint);

        var healthcheck = Instruction(dockerfile, "HEALTHCHECK").Single();
        Assert.Contains($"\"{assembly}\", \"healthcheck\"", healthcheck, StringComparison.Ordinal);

        // The server project takes deploy/sql/** into its build output: the build stage must have those files.
        var copies = Instruction(dockerfile, "COPY").ToList();
        Assert.Contains(copies, c => Regex.IsMatch(c, @"^deploy/sql/?\s"));

        // The restore layer copies the solution-wide props files and every project the server builds from.
        foreach (var file in new[] { "global.json", "NuGet.config", "Directory.Build.props", "Directory.Packages.props" })
        {
            Assert.Contains(copies, c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(file));
        }

        foreach (var project in ProjectClosure(ServerProject))
        {
            var relative = IOPath.GetRelativePath(Root, project).Replace('\\', '/');
            Assert.True(copies.Any(c => c.StartsWith(relative + " ", StringComparison.Ordinal)),
                $"deploy/Dockerfile does not copy {relative} for the restore layer");
        }

        var exposed = Instruction(dockerfile, "EXPOSE").SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var config = ConfigMapData();
        Assert.Contains(config["ASPNETCORE_HTTP_PORTS"], exposed);
        Assert.Contains(config["Orleans__SiloPort"], exposed);
        Assert.Contains(config["Orleans__GatewayPort"], exposed);
        Assert.Contains($"ASPNETCORE_HTTP_PORTS={config["ASPNETCORE_HTTP_PORTS"]}", Instruction(dockerfile, "ENV"));
        Assert.Equal("$APP_UID", Instruction(dockerfile, "USER").Single());
    }

    [Fact]
    public void Compose_builds_from_the_repository_root_and_runs_the_migrate_subcommand()
    {
        var migrateSource = File.ReadAllText(IOPath.Combine(Root, "src", "OrleansCalendar.Server", "Hosting", "MigrateCommand.cs"));
        Assert.Contains("\"migrate\"", migrateSource, StringComparison.Ordinal);

        var services = ComposeServices();
        foreach (var (name, service) in services.Where(s => At(s.Value, "build") is not null))
        {
            var context = IOPath.GetFullPath(IOPath.Combine(DeployDir, Scalar(At(service, "build", "context"))));
            Assert.Equal(Root.TrimEnd(IOPath.DirectorySeparatorChar), context.TrimEnd(IOPath.DirectorySeparatorChar));
            Assert.True(File.Exists(IOPath.Combine(context, Scalar(At(service, "build", "dockerfile")))), $"{name}: dockerfile not found");
        }

        Assert.Equal(["migrate"], Sequence(At(services["migrate"], "command")).Select(Scalar));
        foreach (var (name, silo) in ComposeSilos())
        {
            var condition = Scalar(At(silo, "depends_on", "migrate", "condition"));
            Assert.True(condition == "service_completed_successfully", $"{name} must wait for the migration to succeed");
        }
    }

    [Fact]
    public void Load_balancer_sends_traffic_to_every_compose_silo_and_to_no_other_host()
    {
        var silos = ComposeSilos().ToList();
        var siloNames = silos.Select(s => EnvironmentOf(s.Value)["Orleans__SiloName"]).ToList();
        Assert.Equal(siloNames.Count, siloNames.Distinct().Count());
        Assert.True(silos.Count >= 2, "the compose file should demonstrate a cluster");

        var nginx = File.ReadAllText(IOPath.Combine(DeployDir, "nginx", "nginx.conf"));
        var upstream = Regex.Match(nginx, @"upstream\s+\w+\s*\{(?<body>[^}]*)\}").Groups["body"].Value;
        var servers = Regex.Matches(upstream, @"^\s*server\s+(?<host>[\w.-]+):(?<port>\d+)", RegexOptions.Multiline)
            .Select(m => (Host: m.Groups["host"].Value, Port: m.Groups["port"].Value))
            .ToList();

        Assert.Equal(silos.Select(s => s.Key).Order(), servers.Select(s => s.Host).Order());
        foreach (var (host, port) in servers)
        {
            Assert.Equal(EnvironmentOf(silos.Single(s => s.Key == host).Value)["ASPNETCORE_HTTP_PORTS"], port);
        }

        Assert.Matches(@"proxy_next_upstream\s+error timeout http_503;", nginx);
        Assert.DoesNotMatch(@"proxy_next_upstream\s[^;]*non_idempotent", nginx);
    }

    // ------------------------------------------------------------------------------------------------------
    // Reading the files

    private static IEnumerable<string> YamlFiles() =>
        Directory.EnumerateFiles(DeployDir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order();

    /// <summary>Every document of a YAML file as plain dictionaries, lists and strings, with merge keys applied.</summary>
    private static IEnumerable<object?> LoadAll(string file)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new MergingParser(new Parser(new StringReader(File.ReadAllText(file))));
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            yield return deserializer.Deserialize<object?>(parser);
        }
    }

    private static IEnumerable<object> K8sDocuments() =>
        Directory.EnumerateFiles(K8sDir, "*.yaml").Order()
            .Where(f => IOPath.GetFileName(f) != "kustomization.yaml")
            .SelectMany(LoadAll)
            .OfType<object>();

    private static object K8sDocument(string kind) =>
        K8sDocuments().Single(d => Scalar(At(d, "kind"), "") == kind);

    private static object Deployment() => K8sDocument("Deployment");

    private static object PodSpec(object workload) => At(workload, "spec", "template", "spec")
        ?? throw new InvalidOperationException("no pod template");

    private static object SiloContainer() => Sequence(At(PodSpec(Deployment()), "containers")).Single();

    private static Dictionary<string, string> ConfigMapData() =>
        Mapping(At(K8sDocument("ConfigMap"), "data")).ToDictionary(kv => kv.Key, kv => Scalar(kv.Value), StringComparer.Ordinal);

    /// <summary>Keys a Kubernetes document hands to the server as environment variables.</summary>
    private static IEnumerable<string> ConfigurationKeysOf(object document)
    {
        switch (Scalar(At(document, "kind"), ""))
        {
            case "ConfigMap":
                return Mapping(At(document, "data")).Keys;
            case "Secret":
                return Mapping(At(document, "stringData")).Keys.Concat(Mapping(At(document, "data")).Keys);
            case "Deployment" or "Job" or "StatefulSet":
                return Sequence(At(PodSpec(document), "containers"))
                    .Concat(Sequence(At(PodSpec(document), "initContainers")))
                    .SelectMany(c => Sequence(At(c, "env")))
                    .Select(e => Scalar(At(e, "name")));
            default:
                return [];
        }
    }

    private static Dictionary<string, object> ComposeServices()
    {
        var compose = LoadAll(IOPath.Combine(DeployDir, "docker-compose.yml")).Single()!;
        return Mapping(At(compose, "services")).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
    }

    /// <summary>The compose services that run a silo: those that give it a silo name.</summary>
    private static IEnumerable<KeyValuePair<string, object>> ComposeSilos() =>
        ComposeServices().Where(s => EnvironmentOf(s.Value).ContainsKey("Orleans__SiloName")).OrderBy(s => s.Key, StringComparer.Ordinal);

    /// <summary>A compose service's environment, written either as a mapping or as a list of NAME=value.</summary>
    private static Dictionary<string, string> EnvironmentOf(object service)
    {
        var environment = At(service, "environment");
        if (environment is IList<object> list)
        {
            return list.Select(Scalar).Select(e => e.Split('=', 2))
                .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        }

        return Mapping(environment).ToDictionary(kv => kv.Key, kv => Scalar(kv.Value, ""), StringComparer.Ordinal);
    }

    private static bool LooksLikeConfigurationKey(string name) =>
        name.Contains("__", StringComparison.Ordinal)
        || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || name.StartsWith("DOTNET_", StringComparison.Ordinal)
        || name.StartsWith("OTEL_", StringComparison.Ordinal);

    /// <summary>Every `key` in the first column of the README's Configuration table.</summary>
    private static HashSet<string> ReadmeConfigurationKeys()
    {
        var lines = File.ReadAllLines(IOPath.Combine(Root, "README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "## Configuration");
        Assert.True(start >= 0, "README.md has no '## Configuration' section");

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (!line.TrimStart().StartsWith('|'))
            {
                continue;
            }

            var firstCell = line.Split('|', StringSplitOptions.None)[1];
            foreach (Match key in Regex.Matches(firstCell, @"`(?<key>[A-Za-z_][A-Za-z0-9_]*)`"))
            {
                keys.Add(key.Groups["key"].Value);
            }
        }

        return keys;
    }

    /// <summary>The health endpoints as mapped in HealthSetup.cs, by endpoint name (WithName): group prefix + route.</summary>
    private static Dictionary<string, string> HealthRoutes()
    {
        var source = File.ReadAllText(IOPath.Combine(Root, "src", "OrleansCalendar.Server", "Health", "HealthSetup.cs"));
        var group = Regex.Match(source, @"MapGroup\(""(?<prefix>[^""]*)""\)");
        var prefix = group.Success ? group.Groups["prefix"].Value.TrimEnd('/') : "";
        var routes = Regex.Matches(source, @"MapGet\(""(?<route>[^""]+)""[^;]*?\.WithName\(""(?<name>\w+)""\)", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups["name"].Value, m => prefix + m.Groups["route"].Value, StringComparer.Ordinal);
        Assert.True(routes.Count >= 2, "no named health routes found in HealthSetup.cs");
        return routes;
    }

    private static (string Path, string Port) Probe(object container, string name)
    {
        var httpGet = At(container, name, "httpGet") ?? throw new InvalidOperationException($"{name} is not an httpGet probe");
        return (Scalar(At(httpGet, "path")), Scalar(At(httpGet, "port")));
    }

    private static Dictionary<string, string> ContainerPorts(object container) =>
        Sequence(At(container, "ports")).ToDictionary(p => Scalar(At(p, "name")), p => Scalar(At(p, "containerPort")), StringComparer.Ordinal);

    private static Dictionary<string, string> Labels(object? node) =>
        Mapping(node).ToDictionary(kv => kv.Key, kv => Scalar(kv.Value), StringComparer.Ordinal);

    private static void AssertSelects(Dictionary<string, string> selector, Dictionary<string, string> podLabels, string what)
    {
        Assert.NotEmpty(selector);
        foreach (var (key, value) in selector)
        {
            Assert.True(podLabels.TryGetValue(key, out var label) && label == value,
                $"{what} selects {key}={value}, which the Deployment's pods do not carry");
        }
    }

    /// <summary>Dockerfile instruction arguments (continuation lines joined, comments dropped).</summary>
    private static IEnumerable<string> Instruction(string[] dockerfile, string name)
    {
        var logical = new List<string>();
        var current = "";
        foreach (var raw in dockerfile)
        {
            var line = raw.Trim();
            if (line.StartsWith('#') && current.Length == 0)
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            logical.Add(current + line);
            current = "";
        }

        foreach (var line in logical)
        {
            var match = Regex.Match(line, $@"^{name}\s+(?<args>.*)$", RegexOptions.IgnoreCase);
            if (match.Success)
            {
                yield return Regex.Replace(match.Groups["args"].Value.Trim(), @"\s+", " ");
            }
        }
    }

    private static string AssemblyFileName(string project)
    {
        var name = XDocument.Load(project).Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault()
            ?? IOPath.GetFileNameWithoutExtension(project);
        return name + ".dll";
    }

    /// <summary>The project and every project it references, transitively.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([IOPath.GetFullPath(project)]);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!seen.Add(next))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', IOPath.DirectorySeparatorChar);
                pending.Push(IOPath.GetFullPath(IOPath.Combine(IOPath.GetDirectoryName(next)!, include)));
            }
        }

        return seen.Order();
    }

    /// <summary>Compose durations such as 45s, 1m30s, 500ms.</summary>
    private static TimeSpan ParseComposeDuration(string value)
    {
        var total = TimeSpan.Zero;
        var parts = Regex.Matches(value, @"(?<n>\d+(\.\d+)?)(?<unit>ms|us|h|m|s)");
        Assert.True(parts.Count > 0 && string.Concat(parts.Select(p => p.Value)) == value, $"not a compose duration: {value}");
        foreach (Match part in parts)
        {
            var n = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += part.Groups["unit"].Value switch
            {
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                "s" => TimeSpan.FromSeconds(n),
                "ms" => TimeSpan.FromMilliseconds(n),
                _ => TimeSpan.FromMicroseconds(n),
            };
        }

        return total;
    }

    // ------------------------------------------------------------------------------------------------------
    // Walking deserialized YAML (mappings are IDictionary<object, object>, sequences IList<object>, scalars strings)

    private static object? At(object? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (node is not IDictionary<object, object?> map || !map.TryGetValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    private static Dictionary<string, object?> Mapping(object? node) =>
        node is IDictionary<object, object?> map
            ? map.ToDictionary(kv => Scalar(kv.Key), kv => kv.Value, StringComparer.Ordinal)
            : [];

    private static IEnumerable<object> Sequence(object? node) =>
        node is IList<object> list ? list : [];

    private static string Scalar(object? node) =>
        Scalar(node, null) ?? throw new InvalidOperationException("expected a scalar, found " + (node?.GetType().Name ?? "nothing"));

    private static string Scalar(object? node, string? fallback) =>
        node is string or IFormattable ? Convert.ToString(node, CultureInfo.InvariantCulture)! : fallback!;

    private static string Relative(string file) => IOPath.GetRelativePath(Root, file);
}
