provider "azurerm" {
  features {}
  subscription_id = "0ddba11a-fade-4bad-8bad-0000000005b2"
  tenant_id       = "7c0ffee0-fade-4bad-8bad-0000000000a1"
  client_id       = "5ca1ab1e-fade-4bad-8bad-00000000c1d1"
  client_secret   = "FAKEq5tDJQoE5ZYRoL50mhjrSnN1T3KyZL17vG2L"
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-prod-weu"
  location            = "westeurope"
  resource_group_name = "rg-prod-weu"
  dns_prefix          = "aksprod"

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    pod_cidr            = "192.168.0.0/16"
    service_cidr        = "10.0.0.0/16"
    dns_service_ip      = "10.0.0.10"
  }

  windows_profile {
    admin_username = "azureuser"
    admin_password = "FAKELHGC5dB0zLIal2emL8RD"
  }
}

resource "azurerm_postgresql_flexible_server" "db" {
  name                   = "psql-prod"
  administrator_login    = "psqladmin"
  administrator_password = "FAKEFih2VgrfUuaue7uhL3jP"
  sku_name               = "GP_Standard_D2s_v3"
}

variable "api_token" {
  type      = string
  sensitive = true
  default   = "FAKEpfnNNXyC7Je4TRIXrDcSLxWHjIJxoEg6Fncw"
}
