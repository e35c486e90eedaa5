# A cluster and a separate user pool whose max_pods is past AKS's limit.
resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks"

  default_node_pool {
    name       = "system"
    node_count = 3
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    pod_cidr            = "192.168.0.0/16"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                  = "user"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  node_count            = 20
  max_pods              = 300 # more pods per node

  upgrade_settings {
    max_surge = "33%"
  }
}
