using ObservabilityStack.Samples.Mes;

var app = await MesApp.BuildAsync(args, "http://127.0.0.1:5082");
await app.RunAsync();
