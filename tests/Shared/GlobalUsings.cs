global using Actinf.Tests;
