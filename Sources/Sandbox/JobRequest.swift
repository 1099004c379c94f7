/// CreateModelCustomizationJob's request, as the wizard and the one-line form fill it.
public struct JobRequest: Sendable, Codable, Equatable {
  public var customizationType: CustomizationType
  public var baseModelIdentifier: String
  public var customModelName: String
  public var jobName: String
  public var vpcConfig: CustomizationJob.VpcConfig?
  public var trainingDataURI: String
  public var validationDataURI: String?
  public var hyperParameters: [String: String]
  public var outputDataURI: String
  /// A role name or ARN.
  public var roleIdentifier: String
  /// Distillation: the teacher model and the most tokens it may answer with.
  public var teacherModelIdentifier: String?
  public var maxResponseLengthForInference: Int?

  public init(
    customizationType: CustomizationType, baseModelIdentifier: String, customModelName: String, jobName: String,
    vpcConfig: CustomizationJob.VpcConfig? = nil, trainingDataURI: String, validationDataURI: String? = nil,
    hyperParameters: [String: String] = [:], outputDataURI: String, roleIdentifier: String,
    teacherModelIdentifier: String? = nil, maxResponseLengthForInference: Int? = nil
  ) {
    self.customizationType = customizationType
    self.baseModelIdentifier = baseModelIdentifier
    self.customModelName = customModelName
    self.jobName = jobName
    self.vpcConfig = vpcConfig
    self.trainingDataURI = trainingDataURI
    self.validationDataURI = validationDataURI
    self.hyperParameters = hyperParameters
    self.outputDataURI = outputDataURI
    self.roleIdentifier = roleIdentifier
    self.teacherModelIdentifier = teacherModelIdentifier
    self.maxResponseLengthForInference = maxResponseLengthForInference
  }
}
