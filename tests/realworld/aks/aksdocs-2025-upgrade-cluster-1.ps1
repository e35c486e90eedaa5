    az aks update --resource-group $RESOURCE_GROUP --name $CLUSTER_NAME
    az aks nodepool scale --resource-group $RESOURCE_GROUP --cluster-name $CLUSTER_NAME --name $NODEPOOL_NAME --node-count <desired-count>
