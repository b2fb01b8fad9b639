extension ImpactScope {
    /// "Kubernetes cluster", for tables and messages.
    public var displayName: String {
        switch self {
        case .dataCenter: "Data center"
        case .kubernetesCluster: "Kubernetes cluster"
        case .namespace: "Namespace"
        case .expressCluster: "Express cluster"
        case .node: "Express node"
        }
    }

    /// What a change reaching this scope touches, in the words a responder
    /// needs: how many customers it can affect at once.
    public var reach: String {
        switch self {
        case .dataCenter:
            "every Express cluster, namespace and node in every Kubernetes cluster it runs in, and so clients in several data centers at once"
        case .kubernetesCluster: "all namespaces and every Express node of a Kubernetes cluster"
        case .namespace: "one customer namespace and what runs in it"
        case .expressCluster: "one Express cluster and its nodes"
        case .node: "one Express node"
        }
    }
}
