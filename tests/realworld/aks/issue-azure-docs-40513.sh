az aks create
    --resource-group myResourceGroup
    --name myAKSCluster
    --network-plugin azure
    --vnet-subnet-id "/subscriptions/5a8ae0f8-bccb-455c-8354-9cdb07d845a6/resourceGroups/teamResources/providers/Microsoft.Network/virtualNetworks/vnet/subnets/vm-subnet "
    --docker-bridge-address 172.17.0.1/16
    --dns-service-ip 10.2.0.10
    --service-cidr 10.2.0.0/24
    --generate-ssh-keys
