# The default pool starts above its max_count; the user pool sets counts without the autoscaler.
resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks"

  default_node_pool {
    name                 = "system"
    auto_scaling_enabled = true
    node_count           = 5
    min_count            = 1
    max_count            = 3
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                  = "user"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  min_count             = 1
  max_count             = 10
}
