import Simulation
import Yams

extension SandboxProfiles {
  /// Reads the profiles from YAML text (`Resources/sandbox/profiles.yaml`).
  public static func parse(yaml: String) throws -> SandboxProfiles {
    try YAMLDecoder().decode(SandboxProfiles.self, from: yaml)
  }
}
