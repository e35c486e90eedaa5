# Azure CNI node subnet mode: five nodes fit the /24 until an upgrade surges them all at once.
resource "azurerm_subnet" "nodes" {
  name             = "nodes"
  address_prefixes = ["10.10.1.0/24"]
}

resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks"

  default_node_pool {
    name           = "system"
    node_count     = 5
    max_pods       = 30
    vnet_subnet_id = azurerm_subnet.nodes.id

    upgrade_settings {
      max_surge = "100%"
    }
  }

  network_profile {
    network_plugin = "azure"
    service_cidr   = "172.16.0.0/16"
    dns_service_ip = "172.16.0.10"
  }
}
