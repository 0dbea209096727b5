using ObservabilityStack.Samples.Crm;

var app = await CrmApp.BuildAsync(args, "http://127.0.0.1:5081");
await app.RunAsync();
