/// Progress statistics and exam readiness. See the types in this module.
public enum Stats {}
