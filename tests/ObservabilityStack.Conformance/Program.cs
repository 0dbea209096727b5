System.Console.WriteLine("conformance runner: not yet implemented");
