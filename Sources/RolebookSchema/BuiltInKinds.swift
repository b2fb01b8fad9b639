/// Kubernetes' own kinds, which are not CRDs, so no CRD source describes
/// them. rolebook keeps a small table of the common ones — group, served
/// versions, scope and top-level fields — which is enough to check a model's
/// claim such as "ConfigMap `data`" and its scope, and to skip built-in
/// objects in manifests with a note instead of a "no schema" warning.
/// Deeper fields are not checked (that needs the cluster's OpenAPI).
public struct BuiltInKind: Sendable, Hashable {
    public var group: String
    public var versions: [String]
    public var kind: String
    public var scope: CRDScope
    /// Top-level fields besides apiVersion, kind and metadata.
    public var fields: [String]

    /// The groups Kubernetes itself serves. A kind in one of these groups
    /// that is not in ``table`` is still built-in, just not checked.
    public static let groups: Set<String> = [
        "", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io",
        "storage.k8s.io", "apiextensions.k8s.io", "admissionregistration.k8s.io", "coordination.k8s.io",
        "discovery.k8s.io", "scheduling.k8s.io", "node.k8s.io", "certificates.k8s.io", "events.k8s.io",
        "flowcontrol.apiserver.k8s.io", "apiregistration.k8s.io", "authentication.k8s.io", "authorization.k8s.io",
        "resource.k8s.io", "internal.apiserver.k8s.io", "storagemigration.k8s.io",
    ]

    public static let table: [BuiltInKind] = {
        let workload = ["spec", "status"]
        let namespaced = CRDScope.namespaced
        let cluster = CRDScope.cluster
        return [
            BuiltInKind(group: "", versions: ["v1"], kind: "ConfigMap", scope: namespaced, fields: ["data", "binaryData", "immutable"]),
            BuiltInKind(group: "", versions: ["v1"], kind: "Secret", scope: namespaced, fields: ["data", "stringData", "type", "immutable"]),
            BuiltInKind(group: "", versions: ["v1"], kind: "Service", scope: namespaced, fields: workload),
            BuiltInKind(group: "", versions: ["v1"], kind: "Pod", scope: namespaced, fields: workload),
            BuiltInKind(group: "", versions: ["v1"], kind: "Namespace", scope: cluster, fields: workload),
            BuiltInKind(group: "", versions: ["v1"], kind: "Node", scope: cluster, fields: workload),
            BuiltInKind(group: "", versions: ["v1"], kind: "ServiceAccount", scope: namespaced, fields: ["secrets", "imagePullSecrets", "automountServiceAccountToken"]),
            BuiltInKind(group: "", versions: ["v1"], kind: "PersistentVolumeClaim", scope: namespaced, fields: workload),
            BuiltInKind(group: "", versions: ["v1"], kind: "PersistentVolume", scope: cluster, fields: workload),
            BuiltInKind(group: "", versions: ["v1"], kind: "Endpoints", scope: namespaced, fields: ["subsets"]),
            BuiltInKind(group: "", versions: ["v1"], kind: "Event", scope: namespaced, fields: ["involvedObject", "reason", "message", "source", "firstTimestamp", "lastTimestamp", "count", "type", "eventTime", "series", "action", "related", "reportingComponent", "reportingInstance"]),
            BuiltInKind(group: "", versions: ["v1"], kind: "LimitRange", scope: namespaced, fields: ["spec"]),
            BuiltInKind(group: "", versions: ["v1"], kind: "ResourceQuota", scope: namespaced, fields: workload),
            BuiltInKind(group: "apps", versions: ["v1"], kind: "Deployment", scope: namespaced, fields: workload),
            BuiltInKind(group: "apps", versions: ["v1"], kind: "StatefulSet", scope: namespaced, fields: workload),
            BuiltInKind(group: "apps", versions: ["v1"], kind: "DaemonSet", scope: namespaced, fields: workload),
            BuiltInKind(group: "apps", versions: ["v1"], kind: "ReplicaSet", scope: namespaced, fields: workload),
            BuiltInKind(group: "batch", versions: ["v1"], kind: "Job", scope: namespaced, fields: workload),
            BuiltInKind(group: "batch", versions: ["v1"], kind: "CronJob", scope: namespaced, fields: workload),
            BuiltInKind(group: "autoscaling", versions: ["v1", "v2"], kind: "HorizontalPodAutoscaler", scope: namespaced, fields: workload),
            BuiltInKind(group: "policy", versions: ["v1"], kind: "PodDisruptionBudget", scope: namespaced, fields: workload),
            BuiltInKind(group: "networking.k8s.io", versions: ["v1"], kind: "Ingress", scope: namespaced, fields: workload),
            BuiltInKind(group: "networking.k8s.io", versions: ["v1"], kind: "IngressClass", scope: cluster, fields: ["spec"]),
            BuiltInKind(group: "networking.k8s.io", versions: ["v1"], kind: "NetworkPolicy", scope: namespaced, fields: ["spec"]),
            BuiltInKind(group: "rbac.authorization.k8s.io", versions: ["v1"], kind: "Role", scope: namespaced, fields: ["rules"]),
            BuiltInKind(group: "rbac.authorization.k8s.io", versions: ["v1"], kind: "ClusterRole", scope: cluster, fields: ["rules", "aggregationRule"]),
            BuiltInKind(group: "rbac.authorization.k8s.io", versions: ["v1"], kind: "RoleBinding", scope: namespaced, fields: ["subjects", "roleRef"]),
            BuiltInKind(group: "rbac.authorization.k8s.io", versions: ["v1"], kind: "ClusterRoleBinding", scope: cluster, fields: ["subjects", "roleRef"]),
            BuiltInKind(group: "storage.k8s.io", versions: ["v1"], kind: "StorageClass", scope: cluster, fields: ["provisioner", "parameters", "reclaimPolicy", "mountOptions", "allowVolumeExpansion", "volumeBindingMode", "allowedTopologies"]),
            BuiltInKind(group: "apiextensions.k8s.io", versions: ["v1"], kind: "CustomResourceDefinition", scope: cluster, fields: workload),
            BuiltInKind(group: "coordination.k8s.io", versions: ["v1"], kind: "Lease", scope: namespaced, fields: ["spec"]),
        ]
    }()

    public static func lookup(group: String, kind: String) -> BuiltInKind? {
        table.first { $0.group == group && $0.kind == kind }
    }

    public static func isBuiltInGroup(_ group: String) -> Bool { groups.contains(group) }
}
