using ObservabilityStack.Cli;

return await CommandLine.RunAsync(args);
